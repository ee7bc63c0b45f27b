using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// How much of a pool's allocatable CPU and memory its pods request: Σ pod requests ÷ Σ node allocatable. A pod requests
/// the larger of its containers' sum and its largest init container (the scheduler's rule); finished pods are left out.
/// </summary>
internal static class RequestPacking
{
    /// <summary>Per pool, the higher of CPU and memory packing in percent (the resource that binds first).</summary>
    public static IReadOnlyDictionary<string, double> ByPool(KubernetesInventory inventory)
    {
        var nodes = inventory.OfKind("Node")
            .Select(n => (Node: n, Pool: KubernetesFacts.PoolOf(n)))
            .Where(n => n.Pool is not null)
            .ToList();
        var pods = inventory.OfKind("Pod")
            .Where(KubernetesFacts.IsActivePod)
            .GroupBy(p => KubernetesFacts.NodeName(p) ?? "")
            .ToDictionary(g => g.Key, g => g.ToList());

        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var pool in nodes.GroupBy(n => n.Pool!, StringComparer.OrdinalIgnoreCase))
        {
            double allocCpu = 0, allocMemory = 0, requestCpu = 0, requestMemory = 0;
            foreach (var (node, _) in pool)
            {
                allocCpu += Quantity.Read(Json.At(node.Json, "status.allocatable.cpu"), $"{node.Key}: status.allocatable.cpu") ?? 0;
                allocMemory += Quantity.Read(Json.At(node.Json, "status.allocatable.memory"), $"{node.Key}: status.allocatable.memory") ?? 0;
                foreach (var pod in pods.GetValueOrDefault(node.Name, []))
                {
                    requestCpu += PodRequest(pod, "cpu");
                    requestMemory += PodRequest(pod, "memory");
                }
            }

            if (allocCpu > 0 && allocMemory > 0)
            {
                result[pool.Key] = 100 * Math.Max(requestCpu / allocCpu, requestMemory / allocMemory);
            }
        }

        return result;
    }

    private static double PodRequest(KubernetesObject pod, string resource)
    {
        double Request(JsonObject container) =>
            Quantity.Read(Json.At(container, $"resources.requests.{resource}"), $"{pod.Key}: containers[{KubernetesFacts.ContainerName(container)}].resources.requests.{resource}") ?? 0;

        var containers = Json.Objects(Json.At(pod.Json, "spec.containers")).Sum(Request);
        var init = Json.Objects(Json.At(pod.Json, "spec.initContainers")).Select(Request).DefaultIfEmpty(0).Max();
        return Math.Max(containers, init);
    }
}
