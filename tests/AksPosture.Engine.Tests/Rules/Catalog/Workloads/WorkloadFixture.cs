using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Engine.Tests.Fixtures;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>
/// A snapshot bundle built from a cluster fixture plus <c>kubectl get -A -o json</c> lists under
/// Fixtures/Workloads, Azure data sets and collection problems, read through <see cref="SnapshotReader"/>
/// like a collector's output. Kubernetes objects are named by their finding key (<c>ns/Kind/name</c>).
/// </summary>
internal sealed class WorkloadFixture
{
    public const string Nodes = "nodes.json";
    public const string Shop = "shop.json";
    public const string Legacy = "legacy.json";

    private readonly ClusterFixture _cluster;
    private readonly JsonObject _azure = [];
    private readonly JsonArray _problems = [];
    private JsonArray? _objects;

    private WorkloadFixture(ClusterFixture cluster) => _cluster = cluster;

    /// <summary>The mostly-compliant cluster (pools system, apps, armspot) with no Kubernetes objects yet.</summary>
    public static WorkloadFixture Cluster(string clusterFixture = ClusterFixture.MostlyCompliant) => new(ClusterFixture.Load(clusterFixture));

    /// <summary>The mostly-compliant cluster with its nodes and the given namespaces' objects.</summary>
    public static WorkloadFixture With(params string[] lists) => Cluster().Kubernetes([Nodes, .. lists]);

    /// <summary>Marks Kubernetes objects as collected and adds the items of each list file.</summary>
    public WorkloadFixture Kubernetes(params string[] lists)
    {
        _objects ??= [];
        foreach (var list in lists)
        {
            var items = JsonNode.Parse(File.ReadAllText(ClusterFixture.PathOf(Path.Combine("Workloads", list))))!["items"]!.AsArray();
            foreach (var item in items.ToList())
            {
                items.Remove(item);
                _objects.Add(item);
            }
        }

        return this;
    }

    public WorkloadFixture Add(string objectJson)
    {
        (_objects ??= []).Add(JsonNode.Parse(objectJson));
        return this;
    }

    public WorkloadFixture Edit(string key, Action<JsonObject> change)
    {
        change(Find(key));
        return this;
    }

    public WorkloadFixture Remove(string key)
    {
        _objects!.Remove(Find(key));
        return this;
    }

    /// <summary>Changes the cluster resource by dotted path (see <see cref="ClusterFixture.Set"/>).</summary>
    public WorkloadFixture SetCluster(string path, object? value)
    {
        _cluster.Set(path, value);
        return this;
    }

    public WorkloadFixture RemoveCluster(string path)
    {
        _cluster.Remove(path);
        return this;
    }

    public WorkloadFixture Azure(string dataSet, string json)
    {
        _azure[dataSet] = JsonNode.Parse(json);
        return this;
    }

    public WorkloadFixture Problem(string dataSet, string message, string? missingPermission = null)
    {
        _problems.Add(new JsonObject { ["dataSet"] = dataSet, ["message"] = message, ["missingPermission"] = missingPermission });
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
        if (_objects is not null)
        {
            bundle["kubernetes"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = _objects.DeepClone() };
        }

        var result = SnapshotReader.Read(bundle.ToJsonString(), "workload-fixture");
        Assert.Empty(result.Errors);
        return Assert.Single(result.Snapshots);
    }

    public RuleResult Evaluate(string ruleId, AssessmentSettings? settings = null)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in the catalog.", nameof(ruleId));
        return rule.Evaluate(Snapshot(), settings ?? AssessmentSettings.Default);
    }

    private JsonObject Find(string key)
    {
        var parts = key.Split('/');
        var (ns, kind, name) = parts.Length == 3 ? (parts[0], parts[1], parts[2]) : ("", parts[0], parts[1]);
        return _objects?.OfType<JsonObject>().FirstOrDefault(o =>
                (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name && ((string?)o["metadata"]!["namespace"] ?? "") == ns)
            ?? throw new ArgumentException($"No object '{key}' in the fixture.", nameof(key));
    }
}

/// <summary>Small helpers for asserting on workload results.</summary>
internal static class WorkloadAssert
{
    public static IReadOnlyList<string> ObjectKeys(this RuleResult result) => result.ObjectResults.Select(o => o.ObjectKey).Order(StringComparer.Ordinal).ToList();

    public static string? EvidenceAt(this RuleResult result, string path) => Assert.Single(result.Evidence, e => e.Path == path).Value;
}
