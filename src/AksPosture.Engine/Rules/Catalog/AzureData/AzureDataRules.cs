namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Rules that read Azure data held outside the cluster resource (diagnostics, Advisor, Policy, backup, metrics …).</summary>
internal static class AzureDataRules
{
    public static IEnumerable<Rule> All() =>
    [
        RedundancyRule.Rule,
        SystemPoolSizeRule.Rule,
        ..BackupRules.All(),
        ClusterAdminRule.Rule,
        SecurityMonitoringRule.Rule,
        RegulatedClusterRule.Rule,
        EgressControlRule.Rule,
        ..DefenderRules.All(),
        ..UtilisationRules.All(),
        CostVisibilityRule.Rule,
        ..GitOpsRules.All(),
        ..DiagnosticsRules.All(),
        ChaosRule.Rule,
        CapacityPlanRule.Rule,
        AdvisorRule.Rule,
    ];
}
