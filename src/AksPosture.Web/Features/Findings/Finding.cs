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

    /// <summary>
    /// The state as of the finding's last change. A finding stored New or Reopened reads as Open once a later run of
    /// its cluster reports it again (<see cref="FindingQueries"/>): a run that changes nothing about a defect writes nothing.
    /// </summary>
    public FindingState State { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>
    /// Null while the cluster's latest run reports the defect: it was last seen when that run finished. Set (frozen)
    /// once a run of the cluster stops reporting it: the run resolved it, or its rule reached no verdict.
    /// </summary>
    public DateTimeOffset? LastSeenAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }

    public int TimesReopened { get; set; }

    /// <summary>The run that last changed the finding: it first saw it, reopened, resolved or froze it.</summary>
    public Guid LastRunId { get; set; }

    /// <summary>Whether the defect is still there (new, open or reopened).</summary>
    public static bool IsActive(FindingState state) => state is not FindingState.Resolved;
}
