namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// Thresholds of the Azure data rules. They belong in AssessmentSettings; until they are added there they live
/// here so every rule reads the same number.
/// </summary>
internal static class Thresholds
{
    /// <summary>P95 utilisation below this share (percent) means a pool is larger than its load (AKS-COST-02, -07).</summary>
    public const double LowUtilisationPercent = 20;

    /// <summary>P95 utilisation above this share (percent) leaves no headroom (AKS-COST-07, AKS-PERF-01).</summary>
    public const double HighUtilisationPercent = 80;

    /// <summary>Pod requests filling less than this share (percent) of allocatable capacity pack nodes poorly (AKS-COST-07).</summary>
    public const double MinRequestPackingPercent = 40;

    /// <summary>A pool running above this share of its autoscaler maximum has little room left (AKS-PERF-01).</summary>
    public const double MaxNodeShareOfMaxCount = 0.8;

    /// <summary>Free addresses a node subnet should keep at full scale, as a share of its size (AKS-PERF-01).</summary>
    public const double MinSubnetHeadroom = 0.2;

    /// <summary>A chaos experiment counts as recent when it started within this many days (AKS-OPS-04).</summary>
    public const int RecentChaosRunDays = 90;

    /// <summary>Unschedulable pods in at least this share of the metric's intervals count as persistent (AKS-PERF-05).</summary>
    public const double PersistentShare = 0.5;

    /// <summary>Tag keys that attribute a cluster's cost to an owner (AKS-COST-05), matched case-insensitively.</summary>
    public static readonly IReadOnlyList<string> CostAllocationTagKeys =
        ["costCenter", "cost-center", "costcentre", "cost-centre", "owner", "team", "businessUnit", "department"];
}
