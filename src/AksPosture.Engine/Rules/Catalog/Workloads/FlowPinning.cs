using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// The workload part of AKS-PERF-04: which user pools each workload is pinned to by node selector or required
/// node affinity. A workload that can land on every user pool is not pinned.
/// </summary>
internal static class FlowPinning
{
    public sealed record Result(IReadOnlyList<Workload> Unpinned, IReadOnlyList<string> PinnedSets);

    public static Result Read(Probe probe, KubernetesInventory inventory, IReadOnlyList<AgentPool> userPools)
    {
        var profiles = PoolProfiles.Read(probe, userPools, inventory);
        var unpinned = new List<Workload>();
        var sets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in probe.UserWorkloads(inventory).Where(w => w.Object.Kind != "DaemonSet"))
        {
            var admitting = profiles.Where(p => p.Admits(workload.PodSpec)).Select(p => p.Name).ToList();
            if (admitting.Count == 0 || admitting.Count == profiles.Count)
            {
                unpinned.Add(workload);
            }
            else
            {
                sets.Add(string.Join("+", admitting));
            }
        }

        probe.Note("kubernetes.workloads.pinnedPools", sets.Count == 0 ? "none" : string.Join(", ", sets.Order(StringComparer.Ordinal)));
        return new Result(unpinned, [.. sets.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The verdict once two autoscaled user pools exist: PASS when workloads are pinned to at least two different
    /// pool sets, WARN when they are not; null when there are no Kubernetes objects or no user workloads to judge.
    /// </summary>
    public static Outcome? Judge(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return null;
        }

        var result = Read(probe, inventory, probe.Pools().Where(p => p.IsUserPool).ToList());
        if (result.PinnedSets.Count >= 2)
        {
            return Probe.Pass($"Workloads are pinned to separate user pools ({string.Join(", ", result.PinnedSets)}); {result.Unpinned.Count} workload(s) may run on any pool.");
        }

        if (result.Unpinned.Count == 0 && result.PinnedSets.Count == 0)
        {
            return null;
        }

        var findings = result.Unpinned.Select(w => ObjectFinding.For(w.Object, RuleStatus.Warn,
            "Not pinned to a pool: it shares capacity with every other flow.",
            new Evidence($"{w.Object.Key}: nodeSelector", w.PodSpec?["nodeSelector"]?.ToJsonString()))).ToList();
        var pinned = result.PinnedSets.Count == 0 ? "no workload is pinned to a pool" : $"workloads are pinned only to {string.Join(", ", result.PinnedSets)}";
        return Probe.Warn($"The user pools scale independently, but {pinned}, so flows still share nodes.") with { Objects = findings };
    }
}
