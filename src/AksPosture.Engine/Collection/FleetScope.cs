using System.Text.Json.Nodes;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Which clusters to read: every subscription the identity can see (no scope sent to Resource Graph), or the given
/// subscriptions, or the given management groups.
/// </summary>
public sealed record FleetScope(IReadOnlyList<string> Subscriptions, IReadOnlyList<string> ManagementGroups)
{
    public static FleetScope AllSubscriptions { get; } = new([], []);

    public static FleetScope OfSubscriptions(params IEnumerable<string> subscriptions) => new(subscriptions.ToList(), []);

    public static FleetScope OfManagementGroups(params IEnumerable<string> groups) => new([], groups.ToList());

    public bool IsAll => Subscriptions.Count == 0 && ManagementGroups.Count == 0;

    public override string ToString() =>
        IsAll ? "all visible subscriptions"
        : string.Join(", ", Subscriptions.Select(s => $"subscription {s}").Concat(ManagementGroups.Select(g => $"management group {g}")));

    /// <summary>Adds the scope to a Resource Graph request body.</summary>
    internal void ApplyTo(JsonObject body)
    {
        if (Subscriptions.Count > 0)
        {
            body["subscriptions"] = new JsonArray([.. Subscriptions.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        if (ManagementGroups.Count > 0)
        {
            body["managementGroups"] = new JsonArray([.. ManagementGroups.Select(g => (JsonNode?)JsonValue.Create(g))]);
        }
    }
}
