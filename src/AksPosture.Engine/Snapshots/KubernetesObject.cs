using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>One object read from the Kubernetes API (<c>kubectl get … -o json</c>).</summary>
public sealed class KubernetesObject(JsonObject json)
{
    public JsonObject Json { get; } = json;
    public string Kind { get; } = (string?)json["kind"] ?? "";
    public string Name { get; } = (string?)json["metadata"]?["name"] ?? "";

    /// <summary>Empty for cluster-scoped objects (Nodes, Namespaces, ClusterRoleBindings).</summary>
    public string Namespace { get; } = (string?)json["metadata"]?["namespace"] ?? "";

    /// <summary><c>namespace/Kind/name</c>: how a workload finding names its object.</summary>
    public string Key => _key ??= Namespace.Length == 0 ? $"{Kind}/{Name}" : $"{Namespace}/{Kind}/{Name}";

    private string? _key;

    /// <summary>
    /// The object's string labels (exact keys), listed once: the pool rules match every workload's node selector
    /// against every node's labels.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels => _labels ??= StringMap(Json["metadata"]?["labels"] as JsonObject);

    private IReadOnlyDictionary<string, string>? _labels;

    public string? Label(string key) => ClusterSnapshot.TextOf((Json["metadata"]?["labels"] as JsonObject)?[key]);

    public string? Annotation(string key) => ClusterSnapshot.TextOf((Json["metadata"]?["annotations"] as JsonObject)?[key]);

    /// <summary>The string entries of a JSON object such as <c>metadata.labels</c>; other values are left out.</summary>
    internal static Dictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map ?? [])
        {
            if (ClusterSnapshot.TextOf(value) is { } text)
            {
                result[key] = text;
            }
        }

        return result;
    }

    public bool HasOwner => Json["metadata"]?["ownerReferences"] is JsonArray { Count: > 0 };
}
