using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-COST-12: the VPA add-on is on, VPAs exist, and requests stay close to what they recommend.</summary>
internal static class VerticalAutoscalingRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-COST-12",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Low,
        Title = "Right-size requests with the VerticalPodAutoscaler",
        Rationale = "Requests reserve node capacity whether it is used or not. A VPA learns what containers actually use, so over-sized requests can be cut back and under-sized ones raised before they cause evictions.",
        Remediation = "Enable the VPA add-on, create a VPA (recommendation-only mode to start) for each workload, and bring requests within range of its target. Do not let a VPA in Auto mode and an HPA both act on CPU or memory for one workload.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-vpa",
        RemediationProperty = "properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled = true; autoscaling.k8s.io/v1 VerticalPodAutoscaler",
        SeedReference = "Cost Optimization recommendation 7",
        Scope = RuleScope.Workload,
        LearnMoreUrl = ClusterFacts.LearnBase + "vertical-pod-autoscaler",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var addOn = probe.Bool("properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled") == true;
        var inventory = probe.Kubernetes();
        var vpas = inventory is null ? [] : probe.UserObjects(inventory, "VerticalPodAutoscaler");
        probe.Note("kubernetes.verticalPodAutoscalers", inventory is null ? null : $"{vpas.Count} in user namespaces");

        // The guide marks VPA as preview, so its absence is information, not a defect (the spec's INFO).
        if (!addOn && vpas.Count == 0)
        {
            return NotApplicable("The VPA add-on is not enabled; VPA is optional (in preview per the guide), so there are no recommendations to compare requests with.");
        }

        if (inventory is null)
        {
            return probe.WithoutKubernetes("Comparing requests with VPA recommendations");
        }

        if (vpas.Count == 0)
        {
            return Warn("The VPA add-on is enabled but no VerticalPodAutoscaler exists in user namespaces, so it recommends nothing.");
        }

        var findings = VpaDrift.Findings(probe, inventory, vpas);
        var source = addOn ? "The VPA add-on is enabled" : "VPA objects exist (VPA installed outside the add-on)";
        return findings.Count > 0
            ? Warn($"{source}, but {findings.Count} workload(s) drift from their recommendations or mix VPA and HPA on the same resource ({RuleText.List(findings.Select(f => f.ObjectKey))}).") with { Objects = findings }
            : Pass($"{source}; {vpas.Count} VPA(s) and requests within ±{VpaDrift.Tolerance * 100:0} % of their targets.");
    }
}
