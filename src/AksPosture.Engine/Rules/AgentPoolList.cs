using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>
/// <c>properties.agentPoolProfiles</c> listed once: each pool with its name, or the reason the list cannot be read.
/// </summary>
internal sealed class AgentPoolList
{
    private const string Path = "properties.agentPoolProfiles";
    private readonly (string Path, string Problem)? _unreadable;
    private readonly IReadOnlyList<PoolEntry> _entries;

    private AgentPoolList(IReadOnlyList<PoolEntry> entries, Evidence summary, (string, string)? unreadable)
    {
        _entries = entries;
        Summary = summary;
        _unreadable = unreadable;
    }

    /// <summary>The evidence of the list itself: how many pools and their names.</summary>
    public Evidence Summary { get; }

    /// <summary>The pools; a list that is not an array of objects throws each time it is asked for.</summary>
    public IReadOnlyList<PoolEntry> Entries => _unreadable is var (path, problem) ? throw new UnreadableValueException(path, problem) : _entries;

    public static AgentPoolList Read(JsonObject resource)
    {
        var node = Probe.Navigate(resource, Path);
        if (node is not null and not JsonArray)
        {
            return new([], new Evidence(Path, null), (Path, "expected an array of agent pools"));
        }

        var array = (JsonArray?)node ?? [];
        var pools = new List<(JsonObject Json, string? Name)>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject pool)
            {
                return new([], new Evidence(Path, null), ($"{Path}[{i}]", "expected an agent pool object"));
            }

            pools.Add((pool, ClusterSnapshot.TextOf(pool["name"])));
        }

        var entries = new List<PoolEntry>(pools.Count);
        for (var i = 0; i < pools.Count; i++)
        {
            var name = pools[i].Name ?? $"#{i}";
            // AgentPool.Raw finds a pool by name, so a repeated name resolves to the first pool that has it.
            var first = pools.Find(p => p.Name == name).Json;
            entries.Add(new PoolEntry(pools[i].Json, name, first));
        }

        var summary = node is null ? null : $"{entries.Count} pool(s): {string.Join(", ", entries.Select(e => e.Name))}";
        return new(entries, new Evidence(Path, summary), null);
    }
}

/// <summary>One pool of the list and the fields rules have read from it.</summary>
internal sealed class PoolEntry(JsonObject json, string name, JsonObject? firstOfName)
{
    private readonly FirstUseTable<ValueRead> _fields = new();

    public string Name { get; } = name;

    /// <summary>The first pool in the list with this name; null for a pool without one.</summary>
    public JsonObject? FirstOfName { get; } = firstOfName;

    public ValueRead Field(string field) =>
        _fields.GetOrAdd(field, static (f, entry) => new ValueRead($"properties.agentPoolProfiles[{entry.Name}].{f}", entry.Json[f]), this);

    private JsonObject Json { get; } = json;
}
