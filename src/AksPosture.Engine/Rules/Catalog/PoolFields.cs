using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Pool fields that <see cref="AgentPool"/> cannot reach: objects (nodeLabels, gpuProfile) and nested values.</summary>
internal static class PoolFields
{
    /// <summary>The pool's own JSON in <c>properties.agentPoolProfiles</c>, found by name; reading it records nothing.</summary>
    public static JsonObject? Raw(Probe probe, AgentPool pool) =>
        Json.Objects(Probe.Navigate(probe.Snapshot.Resource, "properties.agentPoolProfiles"))
            .FirstOrDefault(p => Json.Text(p["name"]) == pool.Name);

    /// <summary>A nested text field (<c>upgradeSettings.maxSurge</c>); the read is recorded.</summary>
    public static string? NestedText(this Probe probe, AgentPool pool, string path)
    {
        var fullPath = $"properties.agentPoolProfiles[{pool.Name}].{path}";
        var value = Probe.Navigate(Raw(probe, pool), path);
        probe.Note(fullPath, value?.ToJsonString());
        return Probe.AsText(fullPath, value);
    }
}
