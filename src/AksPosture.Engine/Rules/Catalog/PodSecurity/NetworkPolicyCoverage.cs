using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>Which user namespaces have no NetworkPolicy (AKS-SEC-03 and AKS-SEC-13 read it the same way).</summary>
internal static class NetworkPolicyCoverage
{
    public static readonly string[] Engines = ["azure", "calico", "cilium"];

    /// <summary>
    /// One WARN finding (<c>Namespace/&lt;name&gt;</c>) per user namespace that runs workloads but holds no NetworkPolicy.
    /// A namespace without workloads has no pods to isolate, so an empty <c>default</c> namespace is not flagged.
    /// </summary>
    public static IReadOnlyList<ObjectFinding> NamespacesWithoutPolicy(Probe probe, KubernetesInventory inventory)
    {
        var policies = probe.UserObjects(inventory, "NetworkPolicy");
        var covered = policies.Select(p => p.Namespace).ToHashSet(StringComparer.Ordinal);
        var running = probe.UserWorkloads(inventory)
            .GroupBy(w => w.Object.Namespace, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        probe.Note("kubernetes.networkPolicies",
            $"{policies.Count} NetworkPolicy object(s) covering {covered.Count} namespace(s); {running.Count} user namespace(s) run workloads");

        return running
            .Where(g => !covered.Contains(g.Key))
            .Select(g => new ObjectFinding($"Namespace/{g.Key}", RuleStatus.Warn,
                $"Namespace '{g.Key}' runs {g.Count()} workload(s) but has no NetworkPolicy, so its pods accept traffic from every pod in the cluster.",
                [new Evidence($"Namespace/{g.Key}: networkPolicies", "0")]))
            .ToList();
    }
}
