using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// One managed cluster as plain data, normalised to the ARM GET shape
/// (<c>id, name, type, location, tags, sku, identity, properties{…}</c>) whatever shape it was read from.
/// Property names match case-insensitively.
/// </summary>
public sealed class ClusterSnapshot
{
    public ClusterSnapshot(JsonObject resource, string source)
    {
        Resource = resource;
        Source = source;
        Id = TextOf(resource["id"]) ?? "";
        var armId = ResourceId.TryParse(Id);
        Name = TextOf(resource["name"]) ?? armId?.Name ?? "";
        Location = TextOf(resource["location"]) ?? "";
        SubscriptionId = (TextOf(resource["subscriptionId"]) ?? armId?.SubscriptionId ?? "").ToLowerInvariant();
        ResourceGroup = TextOf(resource["resourceGroup"]) ?? armId?.ResourceGroup ?? "";
        Tags = ReadTags(resource["tags"] as JsonObject);
    }

    public string Id { get; }
    public string Name { get; }
    public string SubscriptionId { get; }
    public string ResourceGroup { get; }
    public string Location { get; }
    public IReadOnlyDictionary<string, string> Tags { get; }

    /// <summary>The normalised resource; rules read it through <see cref="Rules.Probe"/>.</summary>
    public JsonObject Resource { get; }

    /// <summary>Where the snapshot was read from, e.g. <c>fleet.json $.value[3]</c>.</summary>
    public string Source { get; }

    /// <summary>The cluster's Kubernetes objects, or null when they were not collected (workload rules are then NA).</summary>
    public KubernetesInventory? Kubernetes { get; init; }

    /// <summary>Data about the cluster held by other Azure resources (diagnostic settings, Advisor, Policy …).</summary>
    public AzureData Azure { get; init; } = AzureData.Empty;

    /// <summary>Why the cluster's Kubernetes objects could not be read, when collection was attempted and failed.</summary>
    public CollectionProblem? KubernetesProblem { get; init; }

    /// <summary>
    /// Verdicts of checks that several rules share (same predicate), so one check runs once per snapshot and
    /// settings however many seed items report it.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<(System.Reflection.MethodInfo, object?, object), object> CheckCache { get; } = new(Rules.CheckKeyComparer.Instance);

    /// <summary>Values rules have read, kept so the next rule reading the same one does not look it up again.</summary>
    internal Rules.SnapshotReads Reads => _reads ?? CreateReads();

    // Created on first use rather than on reading, so snapshots that are never assessed do not carry one.
    private Rules.SnapshotReads? _reads;

    private Rules.SnapshotReads CreateReads()
    {
        Interlocked.CompareExchange(ref _reads, new Rules.SnapshotReads(this), null);
        return _reads;
    }

    public ClusterSnapshot WithKubernetes(KubernetesInventory? kubernetes, CollectionProblem? problem = null) =>
        new(Resource, Source) { Kubernetes = kubernetes, KubernetesProblem = problem, Azure = Azure };

    /// <summary>A string value, or null for anything else: a malformed envelope must not stop the reader.</summary>
    internal static string? TextOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetString(out var s) ? s : null;

    private static Dictionary<string, string> ReadTags(JsonObject? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (tags is null)
        {
            return result;
        }

        foreach (var (key, value) in tags)
        {
            result[key] = value is JsonValue v && v.TryGetString(out var s) ? s : value?.ToJsonString() ?? "";
        }

        return result;
    }
}
