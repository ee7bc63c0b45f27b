using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Tolerant reads of Kubernetes JSON: a field of the wrong kind reads as absent, because one odd object
/// must not turn a whole cluster's workload verdict into ERROR.
/// </summary>
internal static class KubeJson
{
    public static string? Text(JsonNode? node) => ClusterSnapshot.TextOf(node);

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    public static IReadOnlyList<string> Texts(JsonNode? node) =>
        (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    /// <summary>A string map such as <c>metadata.labels</c> or <c>spec.nodeSelector</c>.</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in node as JsonObject ?? [])
        {
            if (Text(value) is { } text)
            {
                map[key] = text;
            }
        }

        return map;
    }

    public static bool Present(JsonNode? node) => node switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonArray array => array.Count > 0,
        _ => true,
    };

    public static JsonNode? At(JsonNode? node, string path) => Probe.Navigate(node, path);

    /// <summary>Whether any owner reference of the object has the given kind (e.g. a DaemonSet's pods).</summary>
    public static bool OwnedBy(KubernetesObject item, string kind) =>
        Objects(item.Json["metadata"]?["ownerReferences"]).Any(o => string.Equals(Text(o["kind"]), kind, StringComparison.Ordinal));
}
