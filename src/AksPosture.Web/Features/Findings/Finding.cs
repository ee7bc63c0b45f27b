using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Findings;

public enum FindingState
{
    Open,
    Resolved,
}

/// <summary>
/// The lifecycle of one defect (a FAIL or WARN) on one cluster object, across runs: one row however many
/// runs see it, so history does not grow with every run.
/// </summary>
public sealed class Finding
{
    public Guid ClusterId { get; set; }

    public required string RuleId { get; set; }

    public string ObjectKey { get; set; } = "";

    public Pillar Pillar { get; set; }

    public Severity Severity { get; set; }

    /// <summary>FAIL or WARN, as last seen.</summary>
    public RuleStatus Status { get; set; }

    public FindingState State { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }

    public int TimesReopened { get; set; }

    public Guid LastRunId { get; set; }
}
