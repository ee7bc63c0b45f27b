using AksPosture.Engine.Rules.Catalog.AzureData;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Pod autoscaling for cost: AKS-COST-04 (with node autoscaling, check "node-autoscaling") and AKS-COST-11 (HPA coverage).</summary>
internal static class AutoscalingRules
{
    public static IEnumerable<Rule> All() => [ScalingCosts, HorizontalCoverage];

    private static readonly Rule ScalingCosts = new(new RuleDefinition
    {
        Id = "AKS-COST-04",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.High,
        Title = "Optimise scaling costs: scale nodes and pods in when idle",
        Rationale = "Capacity sized for the peak costs the peak all day. Node autoscaling removes idle nodes, but only once pod autoscalers have shrunk the workloads that were holding them.",
        Remediation = "Autoscale every user pool (or use node auto-provisioning) and give multi-replica workloads a HorizontalPodAutoscaler, KEDA ScaledObject or VerticalPodAutoscaler.",
        RemediationCommand = NodeAutoscaling.Command,
        RemediationProperty = NodeAutoscaling.Property + "; HorizontalPodAutoscaler / ScaledObject / VerticalPodAutoscaler per workload",
        SeedReference = "Cost Optimization checklist 4",
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = NodeAutoscaling.CheckId,
        Lineage = ["PSRule: Azure.AKS.AutoScaling"],
        LearnMoreUrl = ClusterFacts.LearnBase + "concepts-scale",
    }, EvaluateScalingCosts);

    private static readonly Rule HorizontalCoverage = new(new RuleDefinition
    {
        Id = "AKS-COST-11",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Use the HorizontalPodAutoscaler for multi-replica workloads",
        Rationale = "A fixed replica count is sized for peak load and pays for it when demand is low; an HPA or KEDA ScaledObject follows demand in both directions.",
        Remediation = "Add an HPA (or a KEDA ScaledObject) to each Deployment and StatefulSet that runs several replicas.",
        RemediationCommand = "kubectl autoscale deployment/<name> -n <namespace> --min=2 --max=10 --cpu-percent=70",
        RemediationProperty = "autoscaling/v2 HorizontalPodAutoscaler spec.scaleTargetRef",
        SeedReference = "Cost Optimization recommendation 6",
        Scope = RuleScope.Workload,
        LearnMoreUrl = ClusterFacts.LearnBase + "concepts-scale#horizontal-pod-autoscaler",
    }, EvaluateHorizontalCoverage);

    private static Outcome EvaluateScalingCosts(Probe probe)
    {
        // The node part is AKS-COST-09's check, so the two never disagree about the same pools.
        var nodes = NodeAutoscaling.EvaluateUserPools(probe);
        if (nodes.Status != RuleStatus.Pass)
        {
            return nodes;
        }

        var verdict = new Verdict();
        if (UnneededNodes(probe) is { } metric && metric.Unneeded * 2 > metric.Intervals)
        {
            verdict.Warn($"the autoscaler saw unneeded nodes in {metric.Unneeded} of {metric.Intervals} intervals, so scale-down is being blocked (PDBs, local storage, minimum counts)");
        }

        var inventory = probe.Kubernetes();
        if (inventory is null)
        {
            verdict.Missing(probe.WithoutKubernetes("Judging pod autoscaling"));
            return verdict.Decide(() => nodes);
        }

        var multi = probe.MultiReplicaWorkloads(inventory);
        var autoscalers = PodAutoscalers.Read(probe, inventory);
        var scaled = multi.Where(autoscalers.Any).ToList();
        probe.Note("kubernetes.workloads.podAutoscaled", $"{scaled.Count} of {multi.Count} multi-replica workloads have a pod autoscaler");
        if (multi.Count > 0 && scaled.Count == 0)
        {
            verdict.Warn($"none of the {multi.Count} multi-replica workloads has a pod autoscaler, so their replicas keep nodes busy when demand drops");
            verdict.Objects(multi.Select(w => ObjectFinding.For(w.Object, RuleStatus.Warn,
                $"{w.Replicas} fixed replicas and no HPA, ScaledObject or VPA.", new Evidence($"{w.Object.Key}: spec.replicas", w.Replicas?.ToString()))));
        }

        return verdict.Decide(() => Pass(multi.Count == 0
            ? $"{nodes.Message} No workload runs several replicas, so pod autoscaling has nothing to shrink."
            : $"{nodes.Message} {scaled.Count} of {multi.Count} multi-replica workloads have a pod autoscaler."));
    }

    /// <summary>
    /// Intervals in which the cluster autoscaler kept nodes it considers removable, of those reported; unneeded nodes in
    /// most intervals mean scale-down is blocked. Null without the metric: a missing set or a stopped cluster adds no warning.
    /// </summary>
    private static (int Unneeded, int Intervals)? UnneededNodes(Probe probe)
    {
        return MonitorMetrics.TryRead(probe, out var metrics, out _)
            && metrics.TryValues(MonitorMetrics.UnneededNodes, Aggregation.Average, out var byPool, out _, Describe)
            ? Count([.. byPool.Values.SelectMany(v => v)])
            : null;

        static (int Unneeded, int Intervals)? Count(IReadOnlyList<double> values) =>
            values.Count == 0 ? null : (values.Count(v => v > 0), values.Count);

        static string? Describe(IReadOnlyList<double> values) =>
            Count(values) is { } c ? $"unneeded nodes in {c.Unneeded} of {c.Intervals} intervals" : null;
    }

    private static Outcome EvaluateHorizontalCoverage(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("HPA coverage");
        }

        var multi = probe.MultiReplicaWorkloads(inventory);
        if (multi.Count == 0)
        {
            return NotApplicable("No user Deployment or StatefulSet runs two or more replicas.");
        }

        var autoscalers = PodAutoscalers.Read(probe, inventory);
        var fixedCount = multi.Where(w => autoscalers.Horizontal(w).Count == 0).ToList();
        var covered = multi.Count - fixedCount.Count;
        var summary = $"{covered} of {multi.Count} multi-replica Deployments/StatefulSets ({WorkloadFacts.Percent(covered, multi.Count)}) have an HPA or ScaledObject";
        probe.Note("kubernetes.workloads.hpaCoverage", summary);
        var findings = fixedCount.Select(w => ObjectFinding.For(w.Object, RuleStatus.Warn,
            $"{w.Replicas} replicas and no HorizontalPodAutoscaler or ScaledObject targets it.",
            new Evidence($"{w.Object.Key}: spec.replicas", w.Replicas?.ToString()))).ToList();
        var threshold = probe.Settings.AutoscaledWorkloadThreshold;
        return (double)covered / multi.Count >= threshold
            ? Pass($"{summary}.") with { Objects = findings }
            : Warn($"{summary}; at least {ContainerCoverage.Threshold(threshold)} should.") with { Objects = findings };
    }
}
