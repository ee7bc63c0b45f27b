using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules;

/// <summary>
/// The values rules read from one snapshot, each looked up and formatted once. Most rules read the same cluster
/// properties and pool fields (every rule about pools asks each pool's mode), so the node, its evidence and its
/// text are kept for the next rule. A snapshot does not change once read, which the check cache relies on too.
/// </summary>
internal sealed class SnapshotReads(JsonObject resource)
{
    private readonly ConcurrentDictionary<string, ValueRead> _properties = new(StringComparer.Ordinal);
    private AgentPoolList? _pools;

    /// <summary>A dotted path in the cluster resource, as <see cref="Probe.Read"/> reads it.</summary>
    public ValueRead Property(string path) =>
        _properties.GetOrAdd(path, static (p, root) => new ValueRead(p, Probe.Navigate(root, p)), resource);

    public AgentPoolList Pools => _pools ??= AgentPoolList.Read(resource);
}

/// <summary>A value at a path: the node, the evidence that records it, and its text, worked out when first asked for.</summary>
internal sealed class ValueRead(string path, JsonNode? node)
{
    private TextRead? _text;

    public JsonNode? Node { get; } = node;

    public Evidence Evidence { get; } = new(path, Probe.JsonText(node));

    public string Path => Evidence.Path;

    /// <summary>The value as <see cref="Probe.AsText"/> reads it; an object or array throws each time it is asked for.</summary>
    public string? Text
    {
        get
        {
            var read = _text ??= new TextRead(Probe.TryText(Node, out var text), text);
            return read.Readable ? read.Value : throw new UnreadableValueException(Path, Probe.ExpectedText);
        }
    }

    private sealed record TextRead(bool Readable, string? Value);
}
