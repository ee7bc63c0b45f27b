using System.Text.Json;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// Reads managed clusters from the JSON shapes people have at hand: an ARM GET response, <c>az aks show</c> /
/// <c>az aks list</c> output (properties flattened to the top level), and Azure Resource Graph rows. A document
/// may hold one object, an array, an ARM list (<c>value</c>) or a Resource Graph response (<c>data</c>).
/// </summary>
public static partial class SnapshotReader
{
    private const string ManagedClusterType = "Microsoft.ContainerService/managedClusters";

    internal static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // Keys that stay on the resource envelope when az CLI output is folded back into `properties`.
    private static readonly HashSet<string> EnvelopeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "name", "type", "location", "tags", "sku", "identity", "resourceGroup", "subscriptionId",
        "systemData", "etag", "extendedLocation", "kind", "zones", "managedBy", "plan", "tenantId",
    };

    // Any of these at the top level marks flattened az CLI output of a managed cluster.
    private static readonly string[] FlattenedMarkers =
        ["agentPoolProfiles", "kubernetesVersion", "provisioningState", "networkProfile", "dnsPrefix", "fqdn"];

    public static SnapshotReadResult Read(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, NodeOptions, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "unknown position";
            return new([], [new SnapshotError(source, $"invalid JSON at {where}: {FirstSentence(ex.Message)}")]);
        }
        catch (ArgumentException ex)
        {
            // Raised for duplicate keys, which case-insensitive matching makes fatal (e.g. "Name" and "name").
            return new([], [new SnapshotError(source, $"invalid JSON: {ex.Message}")]);
        }

        var snapshots = new List<ClusterSnapshot>();
        var errors = new List<SnapshotError>();
        if (FindDuplicateKeys(root as JsonObject, deep: false) is { } rootProblem)
        {
            return new([], [new SnapshotError(source, $"$: {rootProblem}")]);
        }

        foreach (var (item, path) in Items(root, source, errors))
        {
            ClusterSnapshot? snapshot = null;
            var problem = FindDuplicateKeys(item, deep: true) ?? ReadItem(item, $"{source} {path}", out snapshot);
            if (problem is null)
            {
                snapshots.Add(snapshot!);
            }
            else
            {
                errors.Add(new SnapshotError(source, $"{path}: {problem}"));
            }
        }

        if (snapshots.Count == 0 && errors.Count == 0)
        {
            errors.Add(new SnapshotError(source, "$: no managed clusters found (the list is empty)"));
        }

        return new(snapshots, errors);
    }

    private static IEnumerable<(JsonNode? Item, string Path)> Items(JsonNode? root, string source, List<SnapshotError> errors)
    {
        switch (root)
        {
            case JsonArray array:
                return array.Select((item, i) => (item, $"$[{i}]"));
            case JsonObject obj when obj["value"] is JsonArray value:
                return value.Select((item, i) => (item, $"$.value[{i}]"));
            case JsonObject obj when obj["data"] is JsonArray data:
                return data.Select((item, i) => (item, $"$.data[{i}]"));
            case JsonObject obj when obj["data"] is JsonObject:
                errors.Add(new SnapshotError(source, "$.data: Resource Graph table format is not supported; run the query with resultFormat 'objectArray'"));
                return [];
            case JsonObject obj:
                return [(obj, "$")];
            default:
                errors.Add(new SnapshotError(source, $"$: expected a JSON object or array, found {Describe(root)}"));
                return [];
        }
    }

    /// <summary>
    /// Objects are built lazily, and with case-insensitive keys "id" and "ID" collide only when first touched;
    /// walk the item once here so such a collision is reported for this item instead of surfacing in a rule.
    /// </summary>
    private static string? FindDuplicateKeys(JsonNode? node, bool deep)
    {
        try
        {
            if (deep)
            {
                Walk(node);
            }
            else if (node is JsonObject obj)
            {
                _ = obj.Count;
            }

            return null;
        }
        catch (ArgumentException ex)
        {
            return $"keys that differ only in letter case cannot be told apart: {ex.Message}";
        }

        static void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    private static string? ReadItem(JsonNode? item, string source, out ClusterSnapshot? snapshot)
    {
        snapshot = null;
        if (!SnapshotBundle.IsBundle(item))
        {
            var problem = Normalise(item, out var resource);
            snapshot = problem is null ? new ClusterSnapshot(resource!, source) : null;
            return problem;
        }

        var bundleProblem = SnapshotBundle.Unpack((JsonObject)item!, out var cluster, out var azure, out var kubernetes, out var kubernetesProblem);
        if (bundleProblem is not null)
        {
            return bundleProblem;
        }

        var clusterProblem = Normalise(cluster, out var clusterResource);
        if (clusterProblem is not null)
        {
            return $"cluster: {clusterProblem}";
        }

        snapshot = new ClusterSnapshot(clusterResource!, source) { Azure = azure, Kubernetes = kubernetes, KubernetesProblem = kubernetesProblem };
        return null;
    }

    private static string? Normalise(JsonNode? item, out JsonObject? resource)
    {
        resource = item as JsonObject;
        if (resource is null)
        {
            return $"expected a managed cluster object, found {Describe(item)}";
        }

        foreach (var key in new[] { "name", "type", "location", "subscriptionId", "resourceGroup" })
        {
            if (resource[key] is { } value && ClusterSnapshot.TextOf(value) is null)
            {
                return $"'{key}' must be a string, found {Describe(value)}";
            }
        }

        var type = ClusterSnapshot.TextOf(resource["type"]);
        if (type is not null && !type.Equals(ManagedClusterType, StringComparison.OrdinalIgnoreCase))
        {
            return $"resource type '{type}' is not a managed cluster ({ManagedClusterType})";
        }

        if (resource["id"] is not JsonValue id || !id.TryGetValue<string>(out var idText) || string.IsNullOrWhiteSpace(idText))
        {
            return "missing 'id' (the ARM resource id of the cluster)";
        }

        switch (resource["properties"])
        {
            case JsonObject:
                return null;
            case null when resource.Any(p => FlattenedMarkers.Contains(p.Key, StringComparer.OrdinalIgnoreCase)) || type is not null:
                FoldIntoProperties(resource);
                return null;
            case null:
                return "not a managed cluster: no 'type', no 'properties' and none of the az CLI cluster fields";
            default:
                return $"'properties' must be an object, found {Describe(resource["properties"])}";
        }
    }

    // az CLI prints the properties beside the envelope; move them under `properties` so rules see one shape.
    private static void FoldIntoProperties(JsonObject resource)
    {
        var properties = new JsonObject(NodeOptions);
        foreach (var key in resource.Select(p => p.Key).Where(k => !EnvelopeKeys.Contains(k)).ToList())
        {
            var value = resource[key];
            resource.Remove(key);
            properties[key] = value;
        }

        resource["properties"] = properties;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; we report the position ourselves.
        var cuts = new[] { " Path:", " LineNumber:" }.Select(m => message.IndexOf(m, StringComparison.Ordinal)).Where(i => i > 0).ToList();
        return cuts.Count > 0 ? message[..cuts.Min()] : message;
    }
}
