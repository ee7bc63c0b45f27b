using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Remediation;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// A finding filter as text, the way the list, the export, a bulk change and the explorer's address bar all write it,
/// so each reads a filter with the same rules and the same error messages.
/// </summary>
public sealed partial record FindingFilterParameters
{
    public const string UnassignedOwner = "none";

    public const string CurrentUserOwner = "me";

    /// <summary>The parameter names, as the query string writes them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["status", "pillar", "severity", "subscriptionId", "clusterId", "ruleId", "teamId", "environment", "tag", "workflowStatus", "owner", "overdue", "q", "includeGone"];

    /// <summary>Lifecycle states, comma-separated; <c>active</c> stands for new, open and reopened.</summary>
    public string? Status { get; init; }

    public string? Pillar { get; init; }

    public string? Severity { get; init; }

    public string? SubscriptionId { get; init; }

    /// <summary>The portal's cluster id (GUID) or the cluster's ARM resource id.</summary>
    public string? ClusterId { get; init; }

    public string? RuleId { get; init; }

    public string? TeamId { get; init; }

    public string? Environment { get; init; }

    /// <summary><c>key=value</c>.</summary>
    public string? Tag { get; init; }

    public string? WorkflowStatus { get; init; }

    /// <summary>An owner as written, <c>none</c> for unassigned findings or <c>me</c> for the caller's own.</summary>
    public string? Owner { get; init; }

    public string? Overdue { get; init; }

    /// <summary>Text to find in the rule id or title, the object key or the cluster name.</summary>
    public string? Q { get; init; }

    public string? IncludeGone { get; init; }

    /// <summary>Reads parameters from any name-to-value lookup (a query string, a JSON object), names compared without case.</summary>
    public static FindingFilterParameters From(Func<string, string?> value) => new()
    {
        Status = value("status"),
        Pillar = value("pillar"),
        Severity = value("severity"),
        SubscriptionId = value("subscriptionId"),
        ClusterId = value("clusterId"),
        RuleId = value("ruleId"),
        TeamId = value("teamId"),
        Environment = value("environment"),
        Tag = value("tag"),
        WorkflowStatus = value("workflowStatus"),
        Owner = value("owner"),
        Overdue = value("overdue"),
        Q = value("q"),
        IncludeGone = value("includeGone"),
    };

    /// <summary>The parameters that select exactly <paramref name="filter"/>.</summary>
    public static FindingFilterParameters For(FindingFilter filter) => new()
    {
        Status = filter.States.Count == 0 ? null : string.Join(',', filter.States.Select(s => s.ToString().ToLowerInvariant())),
        Pillar = filter.Pillar?.Key(),
        Severity = filter.Severity?.ToString().ToLowerInvariant(),
        SubscriptionId = filter.Clusters.SubscriptionId,
        ClusterId = filter.ClusterId?.ToString() ?? filter.ClusterArmIdKey,
        RuleId = filter.RuleId,
        TeamId = filter.Clusters.TeamId?.ToString(),
        Environment = filter.Clusters.Environment,
        Tag = filter.Clusters.TagKey is { } key ? $"{key}={filter.Clusters.TagValue}" : null,
        WorkflowStatus = filter.WorkflowStatus?.Key(),
        Owner = filter.Unassigned ? UnassignedOwner : filter.Owner,
        Overdue = filter.Overdue ? "true" : null,
        Q = filter.Text,
        IncludeGone = filter.IncludeGone ? "true" : null,
    };

    /// <summary>The given parameters as a query string (without '?'), in a fixed order.</summary>
    public string ToQueryString()
    {
        string?[] values = [Status, Pillar, Severity, SubscriptionId, ClusterId, RuleId, TeamId, Environment, Tag, WorkflowStatus, Owner, Overdue, Q, IncludeGone];
        return QueryString.Create(Names.Zip(values).Where(p => !string.IsNullOrEmpty(p.Second)).Select(p => KeyValuePair.Create(p.First, p.Second)))
            .ToUriComponent().TrimStart('?');
    }
}
