using System.Text.Json;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// Reads <c>kubectl get … -A -o json</c> output: a <c>List</c> (<c>items</c>), an array of objects or of lists,
/// or a single object. Secrets are dropped on reading: their values are never needed and never kept.
/// </summary>
public static class KubernetesReader
{
    public static (KubernetesInventory? Inventory, SnapshotError? Error) ReadFile(string path)
    {
        try
        {
            return Read(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new SnapshotError(path, $"cannot read the file: {ex.Message}"));
        }
    }

    public static (KubernetesInventory? Inventory, SnapshotError? Error) Read(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, SnapshotReader.NodeOptions);
        }
        catch (JsonException ex)
        {
            return (null, new SnapshotError(source, $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: Kubernetes objects could not be read"));
        }

        var objects = new List<KubernetesObject>();
        var problem = Collect(root, "$", objects);
        return problem is null
            ? (new KubernetesInventory(objects), null)
            : (null, new SnapshotError(source, problem));
    }

    /// <summary>Reads the <c>kubernetes</c> section of a snapshot bundle.</summary>
    internal static (KubernetesInventory? Inventory, string? Problem) FromNode(JsonNode? node, string path)
    {
        var objects = new List<KubernetesObject>();
        var problem = Collect(node, path, objects);
        return problem is null ? (new KubernetesInventory(objects), null) : (null, problem);
    }

    private static string? Collect(JsonNode? node, string path, List<KubernetesObject> into)
    {
        switch (node)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Collect(array[i], $"{path}[{i}]", into) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonObject list when list["items"] is JsonArray items:
                return Collect(items, $"{path}.items", into);
            case JsonObject item when item["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && item["metadata"] is JsonObject:
                if (!k.Equals("Secret", StringComparison.OrdinalIgnoreCase))
                {
                    into.Add(new KubernetesObject(item));
                }

                return null;
            default:
                return $"{path}: expected a Kubernetes object (with 'kind' and 'metadata') or a List with 'items'";
        }
    }
}
