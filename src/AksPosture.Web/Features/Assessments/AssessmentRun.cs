namespace AksPosture.Web.Features.Assessments;

public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Partial,
    Failed,
}

/// <summary>One assessment of a set of clusters, stamped with the rule-set and scoring versions it used.</summary>
public sealed class AssessmentRun
{
    public Guid Id { get; set; }

    /// <summary>What started the run: <c>manual</c>, <c>schedule</c>, <c>startup-sample</c> or <c>import</c>.</summary>
    public required string Trigger { get; set; }

    /// <summary>
    /// The clusters the run covers, normalised (<see cref="RunScope"/>), or null for an import, which covers the
    /// clusters in its request. Two runs of one scope never overlap (a unique index over queued and running runs).
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>The schedule that started the run, if one did.</summary>
    public Guid? ScheduleId { get; set; }

    public RunStatus Status { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When a job of the run last made progress; a run silent for too long is failed by the watchdog.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public required string RuleSetVersion { get; set; }

    public required string ScoringVersion { get; set; }

    public int ClustersTotal { get; set; }

    public int ClustersAssessed { get; set; }

    public int ClustersFailed { get; set; }

    /// <summary>
    /// Clusters read from Azure so far, while a live source collects the run's scope (the run is still queued then and
    /// <see cref="ClustersTotal"/> is the inventory so far); null when the run's clusters come from stored snapshots.
    /// </summary>
    public int? ClustersCollected { get; set; }

    public int BatchesTotal { get; set; }

    public int BatchesDone { get; set; }

    /// <summary>Why the run failed, in words an operator can act on.</summary>
    public string? Error { get; set; }

    /// <summary>When the retention job removed the run's raw results (rollups and lifecycle stay).</summary>
    public DateTimeOffset? ResultsRemovedAt { get; set; }

    public bool IsFinished => Status is RunStatus.Succeeded or RunStatus.Partial or RunStatus.Failed;
}
