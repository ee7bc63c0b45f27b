namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// Data sets these rules read that <see cref="Snapshots.AzureDataSets"/> does not name yet. Each holds the raw
/// response of the call in the rule catalog spec (§3), so a collector can store it unchanged.
/// </summary>
internal static class DataSetNames
{
    /// <summary><c>GET {vnetSubnetID}</c> for every node subnet (subnet objects, <c>properties.addressPrefix(es)</c>).</summary>
    public const string Subnets = "subnets";

    /// <summary><c>GET {routeTableId}</c> for the route tables linked to node subnets.</summary>
    public const string RouteTables = "routeTables";

    /// <summary>Resource Graph rows (<c>data</c>) of other managed clusters, to find siblings of the same workload.</summary>
    public const string WorkloadSiblings = "workloadSiblings";

    /// <summary>Front Door profiles / origins and Traffic Manager profiles that route to the workload.</summary>
    public const string GlobalRouting = "globalRouting";

    /// <summary><c>GET {clusterId}/trustedAccessRoleBindings</c>.</summary>
    public const string TrustedAccessRoleBindings = "trustedAccessRoleBindings";

    /// <summary><c>GET /subscriptions/{sub}/providers/Microsoft.DataProtection/backupVaults</c>.</summary>
    public const string BackupVaults = "backupVaults";

    /// <summary><c>GET /subscriptions/{sub}/providers/Microsoft.Compute/skus?$filter=location eq '{location}'</c>.</summary>
    public const string VmSkus = "vmSkus";

    /// <summary><c>GET {workspaceId}/providers/Microsoft.SecurityInsights/onboardingStates</c> for the audit workspaces.</summary>
    public const string SentinelOnboarding = "sentinelOnboarding";

    /// <summary><c>GET {scope}/providers/Microsoft.Consumption/budgets</c> at the cluster's subscription and resource group.</summary>
    public const string Budgets = "budgets";

    /// <summary>Chaos Studio experiments (<c>Microsoft.Chaos/experiments</c>) and their executions, as listed.</summary>
    public const string ChaosExperiments = "chaosExperiments";
}
