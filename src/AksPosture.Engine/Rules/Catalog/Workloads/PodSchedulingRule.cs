using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-REL-06: workloads say which pools they belong on (node selector, node affinity or a matching toleration).</summary>
internal static class PodSchedulingRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-REL-06",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Control pod scheduling with node selectors and affinity",
        Rationale = "When a cluster has pools for different purposes, a workload that names none can land on the wrong hardware or crowd out the workloads a pool was built for.",
        Remediation = "Give each workload a nodeSelector or node affinity for the pool it belongs on, and a toleration when that pool is tainted.",
        RemediationCommand = "kubectl patch deployment/<name> -n <namespace> -p '{\"spec\":{\"template\":{\"spec\":{\"nodeSelector\":{\"kubernetes.azure.com/agentpool\":\"<pool>\"}}}}}'",
        RemediationProperty = "spec.template.spec.nodeSelector / affinity.nodeAffinity / tolerations",
        SeedReference = "Reliability recommendation 1",
        Scope = RuleScope.ClusterAndWorkload,
        LearnMoreUrl = ClusterFacts.LearnBase + "operator-best-practices-advanced-scheduler",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var inventory = probe.Kubernetes();
        var profiles = PoolProfiles.Read(probe, probe.Pools().Where(p => p.IsUserPool), inventory);
        var dedicated = profiles.Where(p => p.IsDedicated).ToList();
        if (!probe.NodeAutoProvisioning() && profiles.Count <= 1 && dedicated.Count == 0)
        {
            return NotApplicable($"The cluster has {profiles.Count} user pool(s) and no tainted or labelled pool, so there is no placement to choose.");
        }

        if (inventory is null)
        {
            return probe.WithoutKubernetes("The scheduling check");
        }

        // DaemonSets run on every node by design; choosing a pool is not expected of them.
        var workloads = probe.UserWorkloads(inventory).Where(w => w.Object.Kind != "DaemonSet").ToList();
        if (workloads.Count == 0)
        {
            return NotApplicable("There are no user workloads to place.");
        }

        // A keyless "tolerate everything" toleration lets a pod go anywhere; it does not aim it at a pool.
        var taints = dedicated.SelectMany(p => p.Taints).Where(t => !t.IsCriticalAddonsOnly).ToList();
        var unplaced = workloads.Where(w => !NodeSelection.ChoosesNodes(w.PodSpec)
            && !NodeSelection.Tolerations(w.PodSpec).Any(t => Json.Text(t["key"]) is { Length: > 0 } && taints.Any(taint => taint.IsToleratedBy(t)))).ToList();
        probe.Note("kubernetes.workloads.placement", $"{workloads.Count - unplaced.Count} of {workloads.Count} user workloads choose their nodes");
        if (unplaced.Count == 0)
        {
            return Pass($"All {workloads.Count} user workloads set a node selector, node affinity or a toleration for a dedicated pool.");
        }

        var findings = unplaced.Select(w => ObjectFinding.For(w.Object, RuleStatus.Warn,
            "The pod template sets no node selector, node affinity or toleration for a dedicated pool, so it can land on any pool.",
            new Evidence($"{w.Object.Key}: nodeSelector", w.PodSpec?["nodeSelector"]?.ToJsonString()),
            new Evidence($"{w.Object.Key}: affinity.nodeAffinity", NodeSelection.NodeAffinity(w.PodSpec)?.ToJsonString()))).ToList();
        return Warn($"{unplaced.Count} of {workloads.Count} user workloads do not choose a pool ({RuleText.List(unplaced.Select(w => w.Object.Key))}).") with { Objects = findings };
    }
}
