using AksPosture.Web.Features.Assessments;

namespace AksPosture.Web.Features.Fleet;

/// <summary>A managed cluster as last seen, with the run that holds its current scores.</summary>
public sealed class Cluster
{
    public Guid Id { get; set; }

    /// <summary>The ARM resource id as the source spelled it.</summary>
    public required string ArmId { get; set; }

    /// <summary>The ARM id lower-cased: ARM ids compare case-insensitively, so this is what imports match on.</summary>
    public required string ArmIdKey { get; set; }

    public required string Name { get; set; }

    public required string SubscriptionId { get; set; }

    public Subscription? Subscription { get; set; }

    public string ResourceGroup { get; set; } = "";

    public string Location { get; set; } = "";

    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The environment read from the tags, kept as a column so lists can sort and filter on it.</summary>
    public string? Environment { get; set; }

    /// <summary>The latest snapshot (normalised ARM JSON) the cluster was assessed from.</summary>
    public required string LatestSnapshot { get; set; }

    /// <summary>Invented sample data rather than a cluster read from Azure.</summary>
    public bool IsSample { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>
    /// When a run of a scope holding the cluster no longer found it: it is out of current scores and lists, and its
    /// history stays. Seeing it again clears this.
    /// </summary>
    public DateTimeOffset? GoneAt { get; set; }

    /// <summary>The latest succeeded or partial run that assessed this cluster; dashboards read its rollups.</summary>
    public Guid? LatestRunId { get; set; }

    public AssessmentRun? LatestRun { get; set; }

    /// <summary>
    /// The <see cref="Findings.ResultDigest"/> of the latest run's results for the cluster; null when unknown. A run
    /// whose results digest the same leaves the cluster's findings as they are.
    /// </summary>
    public byte[]? ResultsDigest { get; set; }
}
