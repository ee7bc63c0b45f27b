using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Which running pods ask for GPUs and which nodes have them, to see that each lands where it should.</summary>
internal static class GpuPlacement
{
    // The device plugins' extended resource names for NVIDIA and AMD GPUs.
    private static readonly string[] GpuResources = ["nvidia.com/gpu", "amd.com/gpu"];

    public static IReadOnlyList<ObjectFinding> Misplaced(Probe probe, KubernetesInventory inventory, IReadOnlySet<string> gpuPools)
    {
        var gpuNodes = inventory.OfKind("Node")
            .Where(n => (KubernetesFacts.PoolOf(n) is { } pool && gpuPools.Contains(pool)) || HasGpu(Json.At(n.Json, "status.allocatable")))
            .Select(n => n.Name)
            .ToHashSet(StringComparer.Ordinal);
        var pods = probe.UserObjects(inventory, "Pod").Where(KubernetesFacts.IsActivePod).ToList();
        var findings = new List<ObjectFinding>();
        foreach (var pod in pods)
        {
            var node = KubernetesFacts.NodeName(pod);
            var wantsGpu = Json.Objects(Json.At(pod.Json, "spec.containers"))
                .Any(c => HasGpu(Json.At(c, "resources.limits")) || HasGpu(Json.At(c, "resources.requests")));
            var onGpuNode = node is not null && gpuNodes.Contains(node);
            var evidence = new Evidence($"{pod.Key}: spec.nodeName", node);
            if (wantsGpu && !onGpuNode)
            {
                findings.Add(ObjectFinding.For(pod, RuleStatus.Warn,
                    node is null ? "The pod requests a GPU and is not scheduled: no GPU node has room for it." : $"The pod requests a GPU but runs on '{node}', which is not a GPU node.",
                    evidence));
            }
            else if (!wantsGpu && onGpuNode && !KubernetesFacts.OwnedBy(pod, "DaemonSet"))
            {
                findings.Add(ObjectFinding.For(pod, RuleStatus.Warn,
                    $"The pod needs no GPU but occupies GPU node '{node}'; taint the GPU pool so only GPU work lands there.", evidence));
            }
        }

        probe.Note("kubernetes.nodes.gpu", $"{gpuNodes.Count} GPU node(s); {pods.Count} active user pod(s) checked");
        return findings;
    }

    private static bool HasGpu(JsonNode? resources) =>
        GpuResources.Any(r => Quantity.Parse((resources as JsonObject)?[r]) > 0);
}
