namespace AksPosture.Web.Features.Collection;

/// <summary>What could not be collected for a cluster, and when its snapshot was collected.</summary>
/// <param name="CollectedAt">When the stored snapshot was collected from Azure; null for an imported or sample snapshot.</param>
/// <param name="LatestFailure">The latest run that could not collect the cluster at all, when no run has collected it since.</param>
/// <param name="Problems">Data sets the stored snapshot lacks because reading them failed.</param>
public sealed record CollectionStatus(DateTimeOffset? CollectedAt, CollectionFailure? LatestFailure, IReadOnlyList<DataSetProblem> Problems)
{
    public static CollectionStatus None { get; } = new(null, null, []);

    public bool HasProblems => LatestFailure is not null || Problems.Count > 0;
}

public sealed record CollectionFailure(DateTimeOffset At, Guid RunId, string Reason);

/// <summary>
/// A data set that could not be read, why, the permission that would fix it when that is the cause, and when an
/// earlier collection last read it (that value is kept; null when none did).
/// </summary>
public sealed record DataSetProblem(string DataSet, string Message, string? MissingPermission, DateTimeOffset? LastReadAt);
