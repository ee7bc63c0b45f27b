using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>
/// A rule's window onto a snapshot. Every value read through it is recorded as evidence, so a result always
/// shows what it was decided from, including properties that were absent.
/// </summary>
public sealed partial class Probe(ClusterSnapshot snapshot, AssessmentSettings settings)
{
    private readonly List<Evidence> _evidence = [];

    /// <summary>A probe whose evidence list starts with room for <paramref name="expectedEvidence"/> values.</summary>
    internal Probe(ClusterSnapshot snapshot, AssessmentSettings settings, int expectedEvidence)
        : this(snapshot, settings)
    {
        _evidence.Capacity = expectedEvidence;
    }

    // Most rules read a handful of values; the set of recorded paths is only built once a rule reads many.
    private HashSet<string>? _paths;

    public ClusterSnapshot Snapshot { get; } = snapshot;
    public AssessmentSettings Settings { get; } = settings;
    public IReadOnlyList<Evidence> Evidence => _evidence;

    /// <summary>Reads a dotted path (<c>properties.apiServerAccessProfile.enablePrivateCluster</c>) and records it.</summary>
    public JsonNode? Read(string path) => Record(Snapshot.Reads.Property(path)).Node;

    public string? Text(string path) => Record(Snapshot.Reads.Property(path)).Text;

    /// <summary>Reads a boolean; ARM add-on settings spell booleans as strings, so "true"/"false" count too.</summary>
    public bool? Bool(string path) => AsBool(path, Read(path));

    public int? Int(string path) => AsInt(path, Read(path));

    /// <summary>Reads an array of strings; an absent array reads as empty.</summary>
    public IReadOnlyList<string> TextList(string path) => AsTextList(path, Read(path));

    /// <summary>The agent pools in <c>properties.agentPoolProfiles</c>; the count read is recorded as evidence.</summary>
    public IReadOnlyList<AgentPool> Pools()
    {
        var list = Snapshot.Reads.Pools;
        var entries = list.Entries;
        var pools = new AgentPool[entries.Count];
        for (var i = 0; i < pools.Length; i++)
        {
            pools[i] = new AgentPool(this, entries[i]);
        }

        Record(list.Summary);
        return pools;
    }

    /// <summary>Reads a tag; the value is recorded as JSON text under <c>tags.{key}</c>.</summary>
    public string? Tag(string key)
    {
        Record(Snapshot.Reads.Tag(key));
        return Snapshot.Tags.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>Records a value that was derived rather than read (e.g. a classification from tags).</summary>
    public void Note(string path, string? value)
    {
        if (!HasRecorded(path))
        {
            _evidence.Add(new Evidence(path, value));
            _paths?.Add(path);
        }
    }

    public static Outcome Pass(string message) => new(RuleStatus.Pass, message);
    public static Outcome Fail(string message) => new(RuleStatus.Fail, message);
    public static Outcome Warn(string message) => new(RuleStatus.Warn, message);
    public static Outcome NotApplicable(string reason) => new(RuleStatus.NotApplicable, reason);
    public static Outcome Manual(string whatToConfirm) => new(RuleStatus.Manual, whatToConfirm);

    private bool HasRecorded(string path)
    {
        if (_paths is not null)
        {
            return _paths.Contains(path);
        }

        if (_evidence.Count < 16)
        {
            foreach (var item in _evidence)
            {
                if (string.Equals(item.Path, path, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        _paths = new HashSet<string>(_evidence.Select(e => e.Path), StringComparer.Ordinal);
        return _paths.Contains(path);
    }

    /// <summary>Records a value read through <see cref="SnapshotReads"/>, whose evidence is shared by every rule.</summary>
    internal ValueRead Record(ValueRead read)
    {
        Record(read.Evidence);
        return read;
    }

    internal void Record(Evidence evidence)
    {
        if (!HasRecorded(evidence.Path))
        {
            _evidence.Add(evidence);
            _paths?.Add(evidence.Path);
        }
    }

    internal JsonNode? Record(string path, JsonNode? value)
    {
        if (!HasRecorded(path))
        {
            Note(path, JsonText(value));
        }

        return value;
    }

    /// <summary>
    /// The compact JSON text of a value. Scalars read from a document keep their original text, which avoids a
    /// serializer round trip for the thousands of small values rules read per cluster.
    /// </summary>
    internal static string? JsonText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<JsonElement>(out var element) && element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) =>
            element.GetRawText(),
        _ => value.ToJsonString(),
    };

    // Rules read the same few hundred paths for every cluster; split each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Segments = new(StringComparer.Ordinal);

    // Most paths are string literals, one instance per call site: a slot found by the instance's identity hash
    // answers those with a pointer comparison instead of hashing the whole path. The table is several times the
    // number of literal paths in the catalog, so two of them rarely take turns in one slot.
    private static readonly SplitPath?[] RecentPaths = new SplitPath?[4096];

    private sealed record SplitPath(string Path, string[] Segments);

    internal static JsonNode? Navigate(JsonNode? node, string path)
    {
        foreach (var segment in SegmentsOf(path))
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            node = obj[segment];
        }

        return node;
    }

    private static string[] SegmentsOf(string path)
    {
        var slot = RuntimeHelpers.GetHashCode(path) & (RecentPaths.Length - 1);
        if (RecentPaths[slot] is { } recent && ReferenceEquals(recent.Path, path))
        {
            return recent.Segments;
        }

        var segments = Segments.GetOrAdd(path, p => p.Split('.'));
        RecentPaths[slot] = new SplitPath(path, segments);
        return segments;
    }
}

/// <summary>A rule's verdict before the engine attaches metadata and evidence.</summary>
public readonly record struct Outcome(RuleStatus Status, string Message)
{
    /// <summary>Per-object verdicts of a workload rule (empty for cluster rules).</summary>
    public IReadOnlyList<ObjectFinding> Objects { get; init; } = [];
}

/// <summary>A property holds a value of the wrong kind; the rule reports ERROR instead of guessing.</summary>
public sealed class UnreadableValueException(string path, string problem)
    : Exception($"'{path}' could not be read: {problem}")
{
    public string Path { get; } = path;
}
