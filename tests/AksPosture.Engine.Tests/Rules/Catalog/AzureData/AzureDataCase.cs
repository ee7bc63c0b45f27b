using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Engine.Tests.Fixtures;

// Not "...Catalog.AzureData": a namespace of that name would hide the Snapshots.AzureData type from sibling test folders.
namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>
/// A cluster fixture plus Azure data sets and Kubernetes objects, written as a snapshot bundle and read back through
/// <see cref="SnapshotReader"/> like collector output. Data sets come from <c>Fixtures/AzureData/{name}.json</c>.
/// </summary>
internal sealed class AzureDataCase
{
    /// <summary>Tests judge dates (budgets, chaos runs) against this day so results do not drift.</summary>
    public static readonly AssessmentSettings Settings = new() { AsOf = new DateOnly(2026, 11, 20) };

    private readonly ClusterFixture _cluster;
    private readonly JsonObject _azure = [];
    private readonly JsonArray _problems = [];
    private JsonArray? _kubernetes;

    private AzureDataCase(ClusterFixture cluster) => _cluster = cluster;

    public static AzureDataCase For(string clusterFixture = ClusterFixture.MostlyCompliant) => new(ClusterFixture.Load(clusterFixture));

    public static JsonNode Data(string dataSet) => JsonNode.Parse(ClusterFixture.Text(Path.Combine("AzureData", dataSet + ".json")))!;

    public AzureDataCase With(params string[] dataSets)
    {
        foreach (var dataSet in dataSets)
        {
            _azure[dataSet] = Data(dataSet);
        }

        return this;
    }

    public AzureDataCase With(string dataSet, JsonNode? data)
    {
        _azure[dataSet] = data;
        return this;
    }

    /// <summary>Changes a data set already added, e.g. <c>d => d["value"]![0]!["properties"]!["pricingTier"] = "Free"</c>.</summary>
    public AzureDataCase Edit(string dataSet, Action<JsonNode> edit)
    {
        edit(_azure[dataSet] ?? throw new ArgumentException($"Add '{dataSet}' before editing it.", nameof(dataSet)));
        return this;
    }

    public AzureDataCase Failed(string dataSet, string message = "AuthorizationFailed: the client does not have authorization", string? permission = "Microsoft.Insights/diagnosticSettings/read")
    {
        _problems.Add(new JsonObject { ["dataSet"] = dataSet, ["message"] = message, ["missingPermission"] = permission });
        return this;
    }

    /// <summary>Adds the objects of <c>AzureData/kubernetes.json</c>, optionally only those <paramref name="keep"/> accepts.</summary>
    public AzureDataCase WithKubernetes(Func<JsonObject, bool>? keep = null)
    {
        var items = Data("kubernetes")["items"]!.AsArray().OfType<JsonObject>().Where(i => keep?.Invoke(i) ?? true);
        _kubernetes = [.. items.Select(i => i.DeepClone())];
        return this;
    }

    public AzureDataCase Set(string path, object? value)
    {
        _cluster.Set(path, value);
        return this;
    }

    public AzureDataCase Remove(string path)
    {
        _cluster.Remove(path);
        return this;
    }

    public ClusterSnapshot Snapshot()
    {
        var bundle = new JsonObject
        {
            ["kind"] = "AksPostureSnapshot",
            ["cluster"] = JsonNode.Parse(_cluster.Snapshot().Resource.ToJsonString()),
            ["azure"] = _azure.DeepClone(),
            ["collectionProblems"] = _problems.DeepClone(),
        };
        if (_kubernetes is not null)
        {
            bundle["kubernetes"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = _kubernetes.DeepClone() };
        }

        var result = SnapshotReader.Read(bundle.ToJsonString(), "bundle.json");
        Assert.Empty(result.Errors);
        return Assert.Single(result.Snapshots);
    }

    public RuleResult Evaluate(string ruleId, AssessmentSettings? settings = null)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in the catalog.", nameof(ruleId));
        return rule.Evaluate(Snapshot(), settings ?? Settings);
    }

    public static string Kind(JsonObject item) => (string?)item["kind"] ?? "";

    public static string Name(JsonObject item) => (string?)item["metadata"]?["name"] ?? "";
}
