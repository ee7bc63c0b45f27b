namespace AksPosture.Web.Features.Collection;

/// <summary>
/// How a cluster's stored snapshot came from live Azure: when it was collected, whether the latest attempt failed (the
/// snapshot is then the earlier one, kept), and the earlier values of data sets the latest collection could not read.
/// </summary>
public sealed class ClusterCollection
{
    public Guid ClusterId { get; set; }

    /// <summary>The run whose collection produced the stored snapshot.</summary>
    public Guid RunId { get; set; }

    public DateTimeOffset CollectedAt { get; set; }

    /// <summary>The latest run that could not collect the cluster at all; null once a later run collected it.</summary>
    public Guid? FailedRunId { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>Why that run could not collect it, in words an operator can act on.</summary>
    public string? Failure { get; set; }

    /// <summary>
    /// <c>{ "&lt;data set&gt;": { "collectedAt": "…", "data": … } }</c>: what an earlier collection read for each data set
    /// the stored snapshot lacks because reading it failed. Kept, not assessed: the rules report those sets as ERROR.
    /// </summary>
    public string RetainedDataSets { get; set; } = "{}";
}
