using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-OPS-04: chaos experiments exercise the cluster. Shapes verified against Microsoft.Chaos 2024-01-01 examples
/// (Targets_List.json: value[].name; Experiments_ListAllExecutions.json: type Microsoft.Chaos/experiments/executions,
/// properties.startedAt / status; CreateUpdateExperiment.json: properties.selectors[].targets[].id).
/// </summary>
internal static class ChaosRule
{
    private const string AksTarget = "Microsoft-AzureKubernetesServiceChaosMesh";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-OPS-04",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Low,
        Title = "Test in production with chaos experiments",
        Rationale = "Failure handling that is never exercised rots: pod disruption budgets, retries and failover only earn trust once faults are injected on purpose and the workload survives.",
        Remediation = "Onboard the cluster to Azure Chaos Studio (Chaos Mesh target), define experiments for pod, node and network faults, and run them on a schedule.",
        RemediationCommand = "az rest --method put --url https://management.azure.com/<clusterId>/providers/Microsoft.Chaos/targets/Microsoft-AzureKubernetesServiceChaosMesh?api-version=2024-01-01 --body '{\"properties\":{}}'",
        RemediationProperty = "{clusterId}/providers/Microsoft.Chaos/targets/Microsoft-AzureKubernetesServiceChaosMesh; Microsoft.Chaos/experiments targeting it",
        SeedReference = "Operational Excellence checklist 4",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = "https://learn.microsoft.com/azure/chaos-studio/chaos-studio-tutorial-aks-portal",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (!probe.TryDataSet(AzureDataSets.ChaosTargets, out var targets, out var missing))
        {
            return missing;
        }

        var target = AzureJson.Items(targets).FirstOrDefault(t => string.Equals(AzureJson.Text(t, "name"), AksTarget, StringComparison.OrdinalIgnoreCase));
        probe.Note($"azure.chaosTargets[{AksTarget}]", target is null ? null : AzureJson.Text(target, "id") ?? "present");
        if (target is null)
        {
            return Warn("The cluster is not onboarded to Azure Chaos Studio, so no experiment can target it.");
        }

        if (!probe.TryDataSet(DataSetNames.ChaosExperiments, out var data, out missing))
        {
            return missing;
        }

        var items = AzureJson.Items(data);
        var experiments = items.Where(i => AzureJson.IsType(i, "Microsoft.Chaos/experiments") && TargetsCluster(i, probe.Snapshot.Id))
            .Select(i => AzureJson.Text(i, "id")).OfType<string>().ToList();
        var since = new DateTimeOffset(probe.Settings.Today.AddDays(-Thresholds.RecentChaosRunDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var recent = items.Where(i => AzureJson.IsType(i, "Microsoft.Chaos/experiments/executions"))
            .Where(e => experiments.Any(x => AzureJson.IsWithin(AzureJson.Text(e, "id"), x)))
            .Select(e => (Run: e, Started: AzureJson.Time(e, "properties.startedAt")))
            .Where(e => e.Started >= since)
            .OrderByDescending(e => e.Started)
            .ToList();
        probe.Note("azure.chaosExperiments.recentRuns", $"{experiments.Count} experiment(s) target the cluster; {recent.Count} run(s) since {Day(since)}");
        if (recent.Count == 0)
        {
            return Warn(experiments.Count == 0
                ? "The cluster is a Chaos Studio target, but no experiment targets it."
                : $"No chaos experiment against the cluster ran in the last {Thresholds.RecentChaosRunDays} days.");
        }

        var last = recent[0];
        return Manual($"A chaos experiment ran on {Day(last.Started!.Value)} ({AzureJson.Text(last.Run, "properties.status") ?? "status unknown"}). Confirm the experiments follow a testing-in-production strategy and their findings are acted on.");
    }

    private static string Day(DateTimeOffset time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool TargetsCluster(JsonObject experiment, string clusterId) =>
        AzureJson.Objects(experiment, "properties.selectors")
            .SelectMany(s => AzureJson.Objects(s, "targets"))
            .Any(t => AzureJson.IsWithin(AzureJson.Text(t, "id"), clusterId));
}
