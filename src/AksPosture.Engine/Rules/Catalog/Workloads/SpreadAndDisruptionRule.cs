using System.Text.Json.Nodes;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-PERF-07: multi-replica workloads spread their pods and are protected by a PodDisruptionBudget.</summary>
internal static class SpreadAndDisruptionRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-PERF-07",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Medium,
        Title = "Spread replicas and protect them with disruption budgets",
        Rationale = "Replicas the scheduler packs onto one node or zone fail together, and without a PodDisruptionBudget a node drain during an upgrade can evict all of them at once.",
        Remediation = "Add topology spread constraints (zone and hostname) or pod anti-affinity to each multi-replica workload, and a PodDisruptionBudget that selects its pods.",
        RemediationCommand = "kubectl create poddisruptionbudget <name> -n <namespace> --selector=app=<app> --max-unavailable=1",
        RemediationProperty = "spec.template.spec.topologySpreadConstraints / affinity.podAntiAffinity; policy/v1 PodDisruptionBudget spec.selector",
        SeedReference = "Performance Efficiency recommendation 3",
        Scope = RuleScope.Workload,
        LearnMoreUrl = ClusterFacts.LearnBase + "operator-best-practices-advanced-scheduler",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Checking spread and disruption budgets");
        }

        var multi = probe.MultiReplicaWorkloads(inventory);
        if (multi.Count == 0)
        {
            return NotApplicable("No user Deployment or StatefulSet runs two or more replicas.");
        }

        var budgets = probe.UserObjects(inventory, "PodDisruptionBudget");
        var findings = new List<ObjectFinding>();
        foreach (var workload in multi)
        {
            var labels = workload.TemplateLabels();
            var budget = budgets.FirstOrDefault(b => b.Namespace == workload.Object.Namespace && LabelSelector.Selects(Json.At(b.Json, "spec.selector"), labels));
            var spread = Spreads(workload.PodSpec);
            var gaps = new List<string>();
            if (!spread)
            {
                gaps.Add("no topology spread constraint or pod anti-affinity");
            }

            if (budget is null)
            {
                gaps.Add("no PodDisruptionBudget selects its pods");
            }

            if (gaps.Count > 0)
            {
                findings.Add(ObjectFinding.For(workload.Object, RuleStatus.Warn, $"{workload.Replicas} replicas with {string.Join(" and ", gaps)}.",
                    new Evidence($"{workload.Object.Key}: topologySpreadConstraints", workload.PodSpec?["topologySpreadConstraints"]?.ToJsonString()),
                    new Evidence($"{workload.Object.Key}: affinity.podAntiAffinity", Json.At(workload.PodSpec, "affinity.podAntiAffinity")?.ToJsonString()),
                    new Evidence($"{workload.Object.Key}: PodDisruptionBudget", budget?.Key)));
            }
        }

        var protectedCount = multi.Count - findings.Count;
        probe.Note("kubernetes.workloads.spreadAndBudget", $"{protectedCount} of {multi.Count} multi-replica workloads are spread and covered by a PDB");
        return findings.Count == 0
            ? Pass($"All {multi.Count} multi-replica workloads spread their replicas and have a PodDisruptionBudget.")
            : Warn($"{findings.Count} of {multi.Count} multi-replica workloads lack spreading or a PodDisruptionBudget ({RuleText.List(findings.Select(f => f.ObjectKey))}).") with { Objects = findings };
    }

    private static bool Spreads(JsonObject? podSpec) =>
        Json.Present(podSpec?["topologySpreadConstraints"])
        || Json.Present(Json.At(podSpec, "affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"))
        || Json.Present(Json.At(podSpec, "affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution"));
}
