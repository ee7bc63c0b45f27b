using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// Which findings to list, export or change in bulk; an empty field does not filter and all given fields must hold.
/// Findings of gone clusters are left out unless asked for.
/// </summary>
public sealed record FindingFilter
{
    public static FindingFilter None { get; } = new();

    /// <summary>Team, subscription, environment and tag: applied to clusters through <see cref="ClusterSelection"/>.</summary>
    public ClusterFilter Clusters { get; init; } = ClusterFilter.None;

    /// <summary>Lifecycle states to include; empty for all.</summary>
    public IReadOnlyList<FindingState> States { get; init; } = [];

    public Pillar? Pillar { get; init; }

    public Severity? Severity { get; init; }

    public Guid? ClusterId { get; init; }

    /// <summary>The cluster's ARM id, lower-cased.</summary>
    public string? ClusterArmIdKey { get; init; }

    public string? RuleId { get; init; }

    public WorkflowStatus? WorkflowStatus { get; init; }

    /// <summary>The owner as written (compared without case).</summary>
    public string? Owner { get; init; }

    /// <summary>Only findings nobody owns.</summary>
    public bool Unassigned { get; init; }

    /// <summary>Only active findings past their due date that nobody has decided not to fix.</summary>
    public bool Overdue { get; init; }

    /// <summary>Words in the rule id or title, the object key or the cluster name.</summary>
    public string? Text { get; init; }

    public bool IncludeGone { get; init; }

    /// <summary>Whether selecting needs the remediation columns (owner, due date, workflow status).</summary>
    public bool NeedsRemediation => WorkflowStatus is not null || Owner is not null || Unassigned || Overdue;

    public bool Equals(FindingFilter? other) =>
        other is not null && EqualityContract == other.EqualityContract && Clusters == other.Clusters && States.SequenceEqual(other.States)
        && Pillar == other.Pillar && Severity == other.Severity && ClusterId == other.ClusterId && ClusterArmIdKey == other.ClusterArmIdKey
        && RuleId == other.RuleId && WorkflowStatus == other.WorkflowStatus && Owner == other.Owner && Unassigned == other.Unassigned
        && Overdue == other.Overdue && Text == other.Text && IncludeGone == other.IncludeGone;

    public override int GetHashCode() => HashCode.Combine(Clusters, States.Count, Pillar, Severity, ClusterId, RuleId, Owner, Text);
}
