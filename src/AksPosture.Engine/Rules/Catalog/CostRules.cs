using AksPosture.Engine.Assessment;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class CostRules
{
    public static IEnumerable<Rule> All() => [TierInCostModel, SkuAndDisks, ClusterAutoscaler, NodeAutoProvisioning, CostAnalysis];

    private static readonly Rule TierInCostModel = new(new RuleDefinition
    {
        Id = "AKS-COST-01",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Low,
        Title = "Include the AKS pricing tier in the cost model",
        Rationale = "The tier sets a fixed hourly charge per cluster. Premium mostly buys long-term support; paying for it without using LTS is money spent for nothing.",
        Remediation = "Pick the tier deliberately: Free for experiments, Standard for production, Premium only with the long-term support plan.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --tier standard",
        RemediationProperty = "sku.tier, properties.supportPlan",
        SeedReference = "Cost Optimization checklist 1",
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "long-term-support",
    }, probe =>
    {
        var tier = probe.SkuTier();
        var plan = probe.Text("properties.supportPlan") ?? "KubernetesOfficial";
        if (tier.Equals("Premium", StringComparison.OrdinalIgnoreCase) && !plan.Equals("AKSLongTermSupport", StringComparison.OrdinalIgnoreCase))
        {
            return Warn("Premium tier without the long-term support plan: the main reason to pay for Premium is unused.");
        }

        return Manual($"Tier {tier}, support plan {plan}. Confirm the workload's cost model includes the tier charge.");
    });

    private static readonly Rule SkuAndDisks = new(new RuleDefinition
    {
        Id = "AKS-COST-06",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Match the cluster tier and OS disks to the workload",
        Rationale = "Ephemeral OS disks cost nothing extra and are faster than managed disks; large managed OS disks and paid tiers on throw-away clusters add cost without benefit.",
        Remediation = "Use ephemeral OS disks where the VM size allows, keep managed OS disks small, and use the Free tier for development clusters.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n apps2 --node-osdisk-type Ephemeral",
        RemediationProperty = "properties.agentPoolProfiles[].osDiskType = Ephemeral, osDiskSizeGB; sku.tier",
        SeedReference = "Cost Optimization recommendation 1",
        Scope = RuleScope.ClusterAndWorkload,
        LearnMoreUrl = ClusterFacts.LearnBase + "concepts-storage#ephemeral-os-disk",
    }, probe =>
    {
        var findings = new List<string>();
        var tier = probe.SkuTier();
        if (ClusterFacts.IsPaidTier(tier) && probe.Environment() == ClusterEnvironment.NonProduction)
        {
            findings.Add($"a non-production cluster pays for the {tier} tier");
        }

        var pools = probe.Pools();
        var largeManaged = pools.Where(p => string.Equals(p.Text("osDiskType"), "Managed", StringComparison.OrdinalIgnoreCase) && p.Int("osDiskSizeGB") > 128)
            .Select(p => p.Name).ToList();
        if (largeManaged.Count > 0)
        {
            findings.Add($"pool(s) {RuleText.List(largeManaged)} use managed OS disks over 128 GB; ephemeral disks would cost nothing extra");
        }

        if (findings.Count > 0)
        {
            return Warn(RuleText.Sentence(findings));
        }

        return pools.Count == 0
            ? NotApplicable("The snapshot lists no agent pools.")
            : Pass("The tier suits the environment and no pool pays for large managed OS disks.");
    });

    private static readonly Rule ClusterAutoscaler = new(new RuleDefinition
    {
        Id = "AKS-COST-09",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.High,
        Title = "Enable the cluster autoscaler to shed excess nodes",
        Rationale = "Fixed-size pools are sized for the peak and pay for it all day. The autoscaler removes nodes that are no longer needed and adds them back under load.",
        Remediation = "Turn on the cluster autoscaler for every user pool with a sensible minimum and maximum, or use node auto-provisioning.",
        RemediationCommand = NodeAutoscaling.Command,
        RemediationProperty = NodeAutoscaling.Property,
        SeedReference = "Cost Optimization recommendation 4",
        CheckId = NodeAutoscaling.CheckId,
        Lineage = ["PSRule: Azure.AKS.AutoScaling"],
        LearnMoreUrl = NodeAutoscaling.LearnMore,
    }, NodeAutoscaling.EvaluateUserPools);

    private static readonly Rule NodeAutoProvisioning = new(new RuleDefinition
    {
        Id = "AKS-COST-10",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Low,
        Title = "Consider node auto-provisioning",
        Rationale = "Node auto-provisioning picks VM sizes to fit pending pods, so capacity follows demand more closely than fixed pool sizes do.",
        Remediation = "Enable node auto-provisioning on clusters whose pools do not use the cluster autoscaler.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --node-provisioning-mode Auto",
        RemediationProperty = "properties.nodeProvisioningProfile.mode = Auto",
        SeedReference = "Cost Optimization recommendation 5",
        LearnMoreUrl = ClusterFacts.LearnBase + "node-autoprovision",
    }, probe =>
    {
        if (probe.Read("properties.nodeProvisioningProfile") is null)
        {
            return NotApplicable("The snapshot has no nodeProvisioningProfile (read with API version 2025-05-01 or later to see it).");
        }

        if (probe.NodeAutoProvisioning())
        {
            return Pass("Node auto-provisioning is on.");
        }

        return probe.Pools().Any(p => p.Autoscaled)
            ? NotApplicable("The cluster autoscaler manages the pools; node auto-provisioning cannot be combined with it.")
            : Warn("Neither node auto-provisioning nor the cluster autoscaler adjusts capacity.");
    });

    private static readonly Rule CostAnalysis = new(new RuleDefinition
    {
        Id = "AKS-COST-13",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Medium,
        Title = "Enable the AKS cost analysis add-on",
        Rationale = "Cost analysis breaks the cluster bill down by namespace and Kubernetes object, which is what teams need to see and own their share.",
        Remediation = "Enable cost analysis (it requires the Standard or Premium tier).",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-cost-analysis",
        RemediationProperty = "properties.metricsProfile.costAnalysis.enabled = true",
        SeedReference = "Cost Optimization recommendation 8",
        LearnMoreUrl = ClusterFacts.LearnBase + "cost-analysis",
    }, probe =>
    {
        if (probe.Bool("properties.metricsProfile.costAnalysis.enabled") == true)
        {
            return Pass("Cost analysis is enabled.");
        }

        var tier = probe.SkuTier();
        return Fail(ClusterFacts.IsPaidTier(tier)
            ? "Cost analysis is not enabled."
            : $"Cost analysis is not enabled; it needs the Standard or Premium tier (the cluster is on {tier}).");
    });
}
