using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Findings;

/// <summary>What the latest run that judged a finding did to it.</summary>
public enum FindingState
{
    /// <summary>First seen by the latest run.</summary>
    New,

    /// <summary>Seen again, still failing.</summary>
    Open,

    /// <summary>The rule passes now (or no longer reports the object).</summary>
    Resolved,

    /// <summary>Failing again after it had been resolved.</summary>
    Reopened,
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

    /// <summary>Whether the defect is still there (new, open or reopened).</summary>
    public static bool IsActive(FindingState state) => state is not FindingState.Resolved;
}
