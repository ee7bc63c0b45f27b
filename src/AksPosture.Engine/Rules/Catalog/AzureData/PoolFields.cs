using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Nested pool fields (<c>upgradeSettings.maxSurge</c>) that <see cref="AgentPool"/> cannot reach; reads are recorded.</summary>
internal static class PoolFields
{
    public static string? NestedText(this Probe probe, AgentPool pool, string path)
    {
        var entry = (Probe.Navigate(probe.Snapshot.Resource, "properties.agentPoolProfiles") as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(p => Snapshots.ClusterSnapshot.TextOf(p["name"]) == pool.Name);
        var fullPath = $"properties.agentPoolProfiles[{pool.Name}].{path}";
        var value = Probe.Navigate(entry, path);
        probe.Note(fullPath, value?.ToJsonString());
        return Probe.AsText(fullPath, value);
    }
}
