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

    /// <summary>What started the run, e.g. <c>startup-sample</c> or <c>import</c>.</summary>
    public required string Trigger { get; set; }

    public RunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string RuleSetVersion { get; set; }

    public required string ScoringVersion { get; set; }

    public int ClustersTotal { get; set; }

    public int ClustersAssessed { get; set; }

    public int ClustersFailed { get; set; }
}
