namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// What a run's results for one cluster look like to the finding lifecycle (<see cref="Findings.ResultDigest"/>),
/// staged with the results and used up when the run finishes: clusters whose digest did not change since their
/// latest run are left out of the lifecycle merge, since it would change none of their findings.
/// </summary>
public sealed class RunClusterDigest
{
    public Guid RunId { get; set; }

    public Guid ClusterId { get; set; }

    public required byte[] Digest { get; set; }
}
