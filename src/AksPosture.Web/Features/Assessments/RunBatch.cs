namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// One job's share of a run: the clusters of one subscription (or up to a batch size of them). A batch is written
/// exactly once: the transaction that stores its results also flips it to done, so a retried job finds it done.
/// </summary>
public sealed class RunBatch
{
    public Guid RunId { get; set; }

    public int BatchNo { get; set; }

    public Guid[] ClusterIds { get; set; } = [];

    public bool Done { get; set; }

    public int ClustersAssessed { get; set; }

    public int ClustersFailed { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
