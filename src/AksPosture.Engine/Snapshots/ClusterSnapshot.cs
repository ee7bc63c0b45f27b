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
        Id = (string?)resource["id"] ?? "";
        Name = (string?)resource["name"] ?? "";
        Location = (string?)resource["location"] ?? "";
        var armId = ResourceId.TryParse(Id);
        SubscriptionId = ((string?)resource["subscriptionId"] ?? armId?.SubscriptionId ?? "").ToLowerInvariant();
        ResourceGroup = (string?)resource["resourceGroup"] ?? armId?.ResourceGroup ?? "";
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

    private static Dictionary<string, string> ReadTags(JsonObject? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (tags is null)
        {
            return result;
        }

        foreach (var (key, value) in tags)
        {
            result[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }

        return result;
    }
}
