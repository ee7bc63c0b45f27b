namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// The workload part of AKS-REL-03: user pods (not DaemonSet pods, which belong on every node) running on
/// nodes labelled <c>kubernetes.azure.com/mode=system</c>.
/// </summary>
internal static class SystemPoolPods
{
    /// <summary>One finding per such pod; empty when Kubernetes objects (pods and nodes) were not collected.</summary>
    public static IReadOnlyList<ObjectFinding> Find(Probe probe)
    {
        var inventory = probe.Snapshot.Kubernetes;
        if (inventory is null)
        {
            return [];
        }

        var systemNodes = inventory.OfKind("Node").Where(n => n.Label(PoolProfiles.ModeLabel) == "system").Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var pods = probe.UserObjects(inventory, "Pod").Where(p => KubernetesFacts.IsActivePod(p) && !KubernetesFacts.OwnedBy(p, "DaemonSet")).ToList();
        var findings = pods.Where(p => KubernetesFacts.NodeName(p) is { } node && systemNodes.Contains(node))
            .Select(p => ObjectFinding.For(p, RuleStatus.Fail,
                $"User pod runs on system node '{KubernetesFacts.NodeName(p)}'; give it a user pool (taint the system pool with CriticalAddonsOnly=true:NoSchedule).",
                new Evidence($"{p.Key}: spec.nodeName", KubernetesFacts.NodeName(p))))
            .ToList();
        probe.Note("kubernetes.pods.onSystemNodes", $"{findings.Count} of {pods.Count} user pods ({systemNodes.Count} system node(s))");
        return findings;
    }
}
