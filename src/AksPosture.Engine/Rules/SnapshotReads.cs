using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>
/// The values rules read from one snapshot, each looked up and formatted once. Most rules read the same cluster
/// properties and pool fields (every rule about pools asks each pool's mode), so the node, its evidence and its
/// text are kept for the next rule. A snapshot does not change once read, which the check cache relies on too.
/// </summary>
internal sealed class SnapshotReads(ClusterSnapshot snapshot)
{
    private readonly FirstUseTable<ValueRead> _properties = new();
    private readonly FirstUseTable<Evidence> _dataSets = new();
    private readonly FirstUseTable<Evidence> _tags = new();
    private readonly FirstUseTable<(AssessmentSettings Settings, object Value)> _facts = new();
    private AgentPoolList? _pools;
    private Evidence? _kubernetes;

    /// <summary>A dotted path in the cluster resource, as <see cref="Probe.Read"/> reads it.</summary>
    public ValueRead Property(string path) =>
        _properties.GetOrAdd(path, static (p, resource) => new ValueRead(p, Probe.Navigate(resource, p)), snapshot.Resource);

    public AgentPoolList Pools => _pools ??= AgentPoolList.Read(snapshot.Resource);

    /// <summary>The evidence that the Kubernetes objects were read: how many there are, or null when not collected.</summary>
    public Evidence Kubernetes => _kubernetes ??= new Evidence("kubernetes", snapshot.Kubernetes is { } inventory ? $"{inventory.Count} objects" : null);

    /// <summary>The evidence of reading a tag: its value as JSON text, or null when the cluster does not carry it.</summary>
    public Evidence Tag(string key) => _tags.GetOrAdd(key, static (k, tags) =>
        new Evidence($"tags.{k}", tags.TryGetValue(k, out var value) ? JsonValue.Create(value).ToJsonString() : null), snapshot.Tags);

    /// <summary>The evidence of reading an Azure data set: its item count, "collected", or null when it is missing.</summary>
    public Evidence DataSet(string name) => _dataSets.GetOrAdd(name, static (n, azure) => DataSetEvidence(n, azure), snapshot.Azure);

    /// <summary>
    /// A fact that several rules derive the same way from this snapshot (e.g. which containers have probes), worked
    /// out once for the settings it was first asked with. Each rule still records its own evidence of it.
    /// </summary>
    public T Fact<T>(string name, AssessmentSettings settings, Func<ClusterSnapshot, AssessmentSettings, T> derive)
        where T : class
    {
        var (derivedFor, value) = _facts.GetOrAdd(name, static (_, ask) => (ask.Settings, ask.Derive(ask.Snapshot, ask.Settings)), (Snapshot: snapshot, Settings: settings, Derive: derive));
        return ReferenceEquals(derivedFor, settings) ? (T)value : derive(snapshot, settings);
    }

    private static Evidence DataSetEvidence(string name, AzureData azure)
    {
        if (!azure.TryGet(name, out var data))
        {
            return new($"azure.{name}", null);
        }

        var text = data is JsonArray || (data is JsonObject list && list["value"] is JsonArray) ? $"{AzureDataProbe.Items(data).Count} item(s)"
            : data is null ? "null" : "collected";
        return new($"azure.{name}", text);
    }
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
