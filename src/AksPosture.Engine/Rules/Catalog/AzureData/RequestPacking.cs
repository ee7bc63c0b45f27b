using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// How much of a pool's allocatable CPU and memory its pods request: Σ pod requests ÷ Σ node allocatable. A pod requests
/// the larger of its containers' sum and its largest init container (the scheduler's rule); finished pods are left out.
/// </summary>
internal static class RequestPacking
{
    private static readonly string[] PoolLabels = ["kubernetes.azure.com/agentpool", "agentpool"];

    /// <summary>Per pool, the higher of CPU and memory packing in percent (the resource that binds first).</summary>
    public static IReadOnlyDictionary<string, double> ByPool(KubernetesInventory inventory)
    {
        var nodes = inventory.OfKind("Node")
            .Select(n => (Node: n, Pool: PoolLabels.Select(n.Label).FirstOrDefault(l => l is not null)))
            .Where(n => n.Pool is not null)
            .ToList();
        var pods = inventory.OfKind("Pod")
            .Where(p => (string?)p.Json["status"]?["phase"] is not ("Succeeded" or "Failed"))
            .GroupBy(p => (string?)p.Json["spec"]?["nodeName"] ?? "")
            .ToDictionary(g => g.Key, g => g.ToList());

        var result = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var pool in nodes.GroupBy(n => n.Pool!, StringComparer.OrdinalIgnoreCase))
        {
            double allocCpu = 0, allocMemory = 0, requestCpu = 0, requestMemory = 0;
            foreach (var (node, _) in pool)
            {
                allocCpu += KubernetesQuantity.Read(node.Json["status"]?["allocatable"]?["cpu"], $"{node.Key}: status.allocatable.cpu") ?? 0;
                allocMemory += KubernetesQuantity.Read(node.Json["status"]?["allocatable"]?["memory"], $"{node.Key}: status.allocatable.memory") ?? 0;
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
            KubernetesQuantity.Read(container["resources"]?["requests"]?[resource], $"{pod.Key}: containers[{(string?)container["name"]}].resources.requests.{resource}") ?? 0;

        var containers = (pod.Json["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Sum(Request);
        var init = (pod.Json["spec"]?["initContainers"] as JsonArray ?? []).OfType<JsonObject>().Select(Request).DefaultIfEmpty(0).Max();
        return Math.Max(containers, init);
    }
}
