using System.Globalization;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-COST-08: at least one Arm64 user pool; whether workloads can move there is a person's call.</summary>
internal static class Arm64Rule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-COST-08",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Low,
        Title = "Prefer power-efficient Arm64 nodes where workloads allow",
        Rationale = "Arm64 VM sizes deliver more throughput per euro and per watt for most scale-out services; a pool of them lets compatible workloads move over one by one.",
        Remediation = "Add an Arm64 user pool (a size with 'p' in its name, e.g. Standard_D4ps_v5) and move workloads whose images are built for linux/arm64.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n arm64 --mode User --node-vm-size Standard_D4ps_v5 --enable-cluster-autoscaler --min-count 1 --max-count 5",
        RemediationProperty = "properties.agentPoolProfiles[].vmSize (Arm64 size)",
        SeedReference = "Cost Optimization recommendation 3",
        Automation = Automation.Partial,
        LearnMoreUrl = ClusterFacts.LearnBase + "create-node-pools#arm64-node-pools",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var userPools = probe.Pools().Where(p => p.IsUserPool).ToList();
        if (userPools.Count == 0)
        {
            return NotApplicable("There is no user node pool (AKS-REL-03 reports it).");
        }

        var inventory = probe.Kubernetes();
        var armNodes = (inventory?.OfKind("Node") ?? []).Where(IsArm64Node).ToList();
        var armPoolsFromNodes = armNodes.Select(KubernetesFacts.PoolOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var armPools = userPools.Where(p => VmSizes.IsArm64(p.Text("vmSize")) == true || armPoolsFromNodes.Contains(p.Name)).Select(p => p.Name).ToList();
        probe.Note("pools.arm64User", armPools.Count == 0 ? "none" : string.Join(", ", armPools));
        if (armPools.Count == 0)
        {
            return Warn($"No user pool runs Arm64 (sizes: {string.Join(", ", userPools.Select(p => $"{p.Name}={p.Text("vmSize")}"))}). Check which workloads publish linux/arm64 images and try an Arm64 pool for them.");
        }

        // A pool with no user pods on it yet proves nothing about compatibility.
        if (inventory is not null && inventory.Has("Pod"))
        {
            var armNodeNames = armNodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            var onArm = probe.UserObjects(inventory, "Pod").Count(p => KubernetesFacts.IsActivePod(p) && KubernetesFacts.NodeName(p) is { } node && armNodeNames.Contains(node));
            probe.Note("kubernetes.pods.onArm64Nodes", onArm.ToString(CultureInfo.InvariantCulture));
            if (onArm == 0)
            {
                return Manual($"Arm64 pool(s) {RuleText.List(armPools)} exist but no user pod runs on Arm64 nodes. Confirm which workloads are compatible with Arm64 and move them.");
            }
        }

        return Pass($"Arm64 user pool(s) {RuleText.List(armPools)} exist.");
    }

    private static bool IsArm64Node(KubernetesObject node) =>
        (Json.Text(Json.At(node.Json, "status.nodeInfo.architecture")) ?? node.Label("kubernetes.io/arch")) == "arm64";
}
