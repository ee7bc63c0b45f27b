using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// What the scheduler can see of a node pool: the labels its nodes carry and its taints. Labels come from the
/// pool's ARM definition plus the well-known labels every AKS node carries (pool, mode, OS, architecture), and from
/// the pool's live Node objects when they were collected.
/// </summary>
internal sealed record PoolProfile(AgentPool Pool, IReadOnlyList<IReadOnlyDictionary<string, string>> LabelSets, IReadOnlyList<PoolTaint> Taints)
{
    public string Name => Pool.Name;

    /// <summary>Custom labels or taints (beyond the system pool's isolation taint) mark a pool meant for chosen workloads.</summary>
    public bool IsDedicated { get; init; }

    /// <summary>Whether a pod with this spec may be placed on some node of the pool, judging node selection only (not taints).</summary>
    public bool Admits(JsonObject? podSpec) => LabelSets.Any(labels => NodeSelection.Admits(podSpec, labels));
}

internal static class PoolProfiles
{
    public const string ModeLabel = "kubernetes.azure.com/mode";

    public static IReadOnlyList<PoolProfile> Read(Probe probe, IEnumerable<AgentPool> pools, KubernetesInventory? inventory)
    {
        var nodes = inventory?.OfKind("Node") ?? [];
        return pools.Select(pool =>
        {
            var custom = NodeLabels(probe, pool);
            var declared = new Dictionary<string, string>(custom, StringComparer.Ordinal)
            {
                [KubernetesFacts.PoolLabel] = pool.Name,
                ["agentpool"] = pool.Name,
                [ModeLabel] = pool.Mode.ToLowerInvariant(),
                ["kubernetes.io/os"] = (pool.Text("osType") ?? "Linux").ToLowerInvariant(),
            };
            if (VmSizes.IsArm64(pool.Text("vmSize")) is { } arm64)
            {
                declared["kubernetes.io/arch"] = arm64 ? "arm64" : "amd64";
            }

            var labelSets = nodes.Where(n => KubernetesFacts.PoolOf(n) == pool.Name)
                .Select(n => n.Labels)
                .Prepend(declared)
                .ToList();
            var taints = pool.TextList("nodeTaints").Select(PoolTaint.Parse).OfType<PoolTaint>().ToList();
            return new PoolProfile(pool, labelSets, taints)
            {
                IsDedicated = custom.Count > 0 || taints.Any(t => !t.IsCriticalAddonsOnly),
            };
        }).ToList();
    }

    /// <summary><c>nodeLabels</c> is a map, which <see cref="AgentPool"/> does not read; it is recorded here.</summary>
    public static IReadOnlyDictionary<string, string> NodeLabels(Probe probe, AgentPool pool) =>
        Json.Map(probe.Record($"properties.agentPoolProfiles[{pool.Name}].nodeLabels", pool.Raw?["nodeLabels"]));
}
