using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class PerformanceRules
{
    public static IEnumerable<Rule> All() =>
    [
        Autoscaling("AKS-PERF-02", "Define a scaling strategy: cluster autoscaler and pod autoscaling", "Performance Efficiency checklist 2", NodeAutoscaling.EvaluateUserPools),
        LoadTesting,
        IndependentScaling,
        Autoscaling("AKS-PERF-05", "Use the cluster autoscaler together with the HorizontalPodAutoscaler", "Performance Efficiency recommendation 1", AzureData.UnschedulablePods.Evaluate),
        Autoscaling("AKS-PERF-06", "Separate workloads into user node pools that scale", "Performance Efficiency recommendation 2", NodeAutoscaling.Evaluate),
    ];

    private static Rule Autoscaling(string id, string title, string seed, Func<Probe, Outcome> check) => new(new RuleDefinition
    {
        Id = id,
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.High,
        Title = title,
        Rationale = "Pods that cannot be scheduled wait for capacity. Node autoscaling adds nodes when pods are pending, so performance holds under load without permanent over-provisioning; pod autoscaling is judged from Kubernetes objects.",
        Remediation = "Enable the cluster autoscaler on every user pool (or node auto-provisioning) and add HorizontalPodAutoscalers to scalable workloads.",
        RemediationCommand = NodeAutoscaling.Command,
        RemediationProperty = NodeAutoscaling.Property,
        SeedReference = seed,
        CheckId = NodeAutoscaling.CheckId,
        LearnMoreUrl = NodeAutoscaling.LearnMore,
    }, check);

    private static readonly Rule LoadTesting = new(new RuleDefinition
    {
        Id = "AKS-PERF-03",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Medium,
        Title = "Load-test pod and cluster autoscaling",
        Rationale = "Autoscaling settings that were never exercised fail at the worst moment: limits too low, scale-up too slow, quotas exhausted.",
        Remediation = "Run load tests that drive the HPA and cluster autoscaler to their limits and record the results.",
        RemediationProperty = "(process) load-test results",
        SeedReference = "Performance Efficiency checklist 3",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Manual,
        LearnMoreUrl = "https://learn.microsoft.com/azure/load-testing/overview-what-is-azure-load-testing",
    }, _ => Manual("Confirm load tests exercised pod and cluster autoscaling and record when they last ran."));

    private static readonly Rule IndependentScaling = new(new RuleDefinition
    {
        Id = "AKS-PERF-04",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Low,
        Title = "Scale workloads and flows independently",
        Rationale = "Flows with different load patterns on one pool compete for the same nodes; separate, independently scaled pools keep a spike in one from slowing the others.",
        Remediation = "Give distinct flows their own autoscaled user pools and pin workloads to them with node selectors or affinity.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n batch --mode User --enable-cluster-autoscaler --min-count 0 --max-count 10",
        RemediationProperty = "properties.agentPoolProfiles[] (mode User, enableAutoScaling)",
        SeedReference = "Performance Efficiency checklist 4",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "create-node-pools",
    }, probe =>
    {
        if (probe.NodeAutoProvisioning())
        {
            return Manual("Node auto-provisioning creates capacity per workload; confirm distinct flows use separate node pools or classes.");
        }

        var scaledUserPools = probe.Pools().Where(p => p.IsUserPool && p.Autoscaled).Select(p => p.Name).ToList();
        if (scaledUserPools.Count < 2)
        {
            return Warn("Fewer than two autoscaled user pools: all flows share the same capacity.");
        }

        // With Kubernetes objects, whether workloads are actually pinned to different pools decides.
        return Workloads.FlowPinning.Judge(probe)
            ?? Manual($"Autoscaled user pools {RuleText.List(scaledUserPools)} exist; confirm each flow is pinned to its own pool.");
    });
}
