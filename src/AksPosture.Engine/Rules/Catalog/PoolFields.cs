namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Pool fields that <see cref="AgentPool"/> cannot reach: objects (nodeLabels, gpuProfile) and nested values.</summary>
internal static class PoolFields
{
    /// <summary>A nested text field (<c>upgradeSettings.maxSurge</c>); the read is recorded.</summary>
    public static string? NestedText(this Probe probe, AgentPool pool, string path)
    {
        var fullPath = $"properties.agentPoolProfiles[{pool.Name}].{path}";
        var value = Probe.Navigate(pool.Raw, path);
        probe.Note(fullPath, value?.ToJsonString());
        return Probe.AsText(fullPath, value);
    }
}
