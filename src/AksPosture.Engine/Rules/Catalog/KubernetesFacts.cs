using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Facts about pods, containers and nodes that the workload, pod security and Azure data rules share.</summary>
internal static class KubernetesFacts
{
    public const string PoolLabel = "kubernetes.azure.com/agentpool";

    public static string ContainerName(JsonObject container) => Json.Text(container["name"]) ?? "?";

    /// <summary>Pods that still hold a node: not finished (Succeeded/Failed).</summary>
    public static bool IsActivePod(KubernetesObject pod) =>
        Json.Text(Json.At(pod.Json, "status.phase")) is not ("Succeeded" or "Failed");

    public static string? NodeName(KubernetesObject pod) => Json.Text(Json.At(pod.Json, "spec.nodeName"));

    /// <summary>The agent pool a node belongs to, from the AKS label or the older <c>agentpool</c> label.</summary>
    public static string? PoolOf(KubernetesObject node) => node.Label(PoolLabel) ?? node.Label("agentpool");

    /// <summary>Whether any owner reference of the object has the given kind (e.g. a DaemonSet's pods).</summary>
    public static bool OwnedBy(KubernetesObject item, string kind) =>
        Json.Objects(item.Json["metadata"]?["ownerReferences"]).Any(o => string.Equals(Json.Text(o["kind"]), kind, StringComparison.Ordinal));
}
