using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-COST-05: cost data is collected (cost analysis), attributable (allocation tags) and watched (a budget).
/// Budgets verified against Microsoft.Consumption 2024-08-01 BudgetsList.json (properties.category, amount, timePeriod).
/// </summary>
internal static class CostVisibilityRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-COST-05",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Collect and analyse cost data",
        Rationale = "Costs nobody can attribute are costs nobody owns. Cost analysis splits the bill by namespace, tags name the owner, and a budget warns before the month's spend surprises anyone.",
        Remediation = "Enable AKS cost analysis, tag the cluster with its cost centre and owner, and set a budget with alerts on its subscription or resource group.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-cost-analysis",
        RemediationProperty = "properties.metricsProfile.costAnalysis.enabled = true; tags costCenter / owner; Microsoft.Consumption/budgets",
        SeedReference = "Cost Optimization checklist 5",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "cost-analysis",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var findings = new Findings();
        if (probe.Bool("properties.metricsProfile.costAnalysis.enabled") != true)
        {
            findings.Warn("AKS cost analysis is not enabled");
        }

        var tags = Thresholds.CostAllocationTagKeys.Where(probe.Snapshot.Tags.ContainsKey).ToList();
        foreach (var key in tags)
        {
            probe.Tag(key);
        }

        if (tags.Count == 0)
        {
            probe.Note($"tags.{Thresholds.CostAllocationTagKeys[0]}", null);
            findings.Warn($"the cluster has no cost-allocation tag ({string.Join(", ", Thresholds.CostAllocationTagKeys)})");
        }

        if (!probe.TryDataSet(DataSetNames.Budgets, out var data, out var missing))
        {
            findings.Missing(missing);
            return findings.Decide(() => missing);
        }

        var today = probe.Settings.Today.ToDateTime(TimeOnly.MinValue);
        var budgets = AzureJson.Items(data)
            .Where(b => AzureJson.Time(b, "properties.timePeriod.endDate") is not { } end || end.UtcDateTime >= today)
            .Select(AzureJson.Name).ToList();
        probe.Note("azure.budgets.active", budgets.Count == 0 ? "none" : string.Join(", ", budgets));
        if (budgets.Count == 0)
        {
            findings.Warn("no active budget covers the cluster's subscription or resource group");
        }

        return findings.Decide(() => Manual(
            $"Cost analysis is on, tag(s) {RuleText.List(tags)} attribute the cost and budget(s) {RuleText.List(budgets)} watch it. Confirm finance and engineering review the cluster's costs together."));
    }
}
