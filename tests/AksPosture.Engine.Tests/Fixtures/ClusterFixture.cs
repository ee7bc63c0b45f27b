using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Tests.Fixtures;

/// <summary>
/// A fixture file changed by dotted paths, then read through <see cref="SnapshotReader"/> like any real input,
/// so each rule case reads as "fixture + one change". A path segment <c>agentPoolProfiles[apps]</c> selects the
/// pool named <c>apps</c>. Paths match keys exactly; to test key casing, remove the key and set the other spelling.
/// </summary>
internal sealed class ClusterFixture
{
    public const string MostlyCompliant = "mostly-compliant.json";
    public const string NeglectedDev = "neglected-dev.az.json";
    public const string BaselinePrivate = "baseline-private.json";

    private readonly JsonNode _root;
    private readonly string _fileName;

    private ClusterFixture(JsonNode root, string fileName)
    {
        _root = root;
        _fileName = fileName;
    }

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName);

    public static string Text(string fileName) => File.ReadAllText(PathOf(fileName));

    public static ClusterFixture Load(string fileName) => new(JsonNode.Parse(Text(fileName))!, fileName);

    /// <summary>Sets a value, creating missing parent objects; <c>null</c> writes a JSON null.</summary>
    public ClusterFixture Set(string path, object? value)
    {
        var (parent, key) = Parent(path, create: true);
        parent[key] = JsonSerializer.SerializeToNode(value);
        return this;
    }

    /// <summary>Removes a property, or a whole pool when the path ends in <c>agentPoolProfiles[name]</c>.</summary>
    public ClusterFixture Remove(string path)
    {
        var (parent, key) = Parent(path, create: false);
        var (name, pool) = Split(key);
        if (pool is null)
        {
            Assert.True(parent.Remove(name), $"'{path}' is not in the fixture");
        }
        else
        {
            var pools = (JsonArray)parent[name]!;
            pools.Remove(FindPool(pools, pool, path));
        }

        return this;
    }

    public ClusterSnapshot Snapshot()
    {
        var result = SnapshotReader.Read(_root.ToJsonString(), _fileName);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Snapshots);
    }

    public RuleResult Evaluate(string ruleId, AssessmentSettings? settings = null)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in the catalog.", nameof(ruleId));
        return rule.Evaluate(Snapshot(), settings ?? AssessmentSettings.Default);
    }

    private (JsonObject Parent, string Key) Parent(string path, bool create)
    {
        var segments = path.Split('.');
        var node = _root;
        foreach (var segment in segments[..^1])
        {
            var parent = Assert.IsType<JsonObject>(node);
            var (name, pool) = Split(segment);
            if (pool is not null)
            {
                node = FindPool(Assert.IsType<JsonArray>(parent[name]), pool, path);
            }
            else if (parent[name] is { } child)
            {
                node = child;
            }
            else
            {
                Assert.True(create, $"'{path}' is not in the fixture");
                node = parent[name] = new JsonObject();
            }
        }

        return (Assert.IsType<JsonObject>(node), segments[^1]);
    }

    private static JsonObject FindPool(JsonArray pools, string name, string path) =>
        pools.OfType<JsonObject>().FirstOrDefault(p => (string?)p["name"] == name)
        ?? throw new ArgumentException($"No pool '{name}' for '{path}'.", nameof(path));

    private static (string Name, string? Pool) Split(string segment)
    {
        var open = segment.IndexOf('[');
        return open < 0 ? (segment, null) : (segment[..open], segment[(open + 1)..^1]);
    }
}
