using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Engine.Tests.Fixtures;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>
/// A snapshot bundle as a collector writes it: a cluster fixture, Kubernetes objects (<c>kubectl get … -A -o json</c>),
/// Azure data sets and collection problems, read back through <see cref="SnapshotReader"/> like any real input.
/// </summary>
internal sealed class SnapshotBundleFixture(ClusterFixture cluster)
{
    public const string Violations = "PodSecurity/violations.json";
    public const string Clean = "PodSecurity/clean.json";

    private readonly JsonObject _azure = [];
    private readonly JsonArray _problems = [];
    private JsonNode? _kubernetes;

    public static SnapshotBundleFixture Of(ClusterFixture cluster) => new(cluster);

    public SnapshotBundleFixture WithKubernetes(string fileName) => WithKubernetes(KubernetesList.Read(fileName));

    public SnapshotBundleFixture WithKubernetes(JsonNode list)
    {
        _kubernetes = list.DeepClone();
        return this;
    }

    public SnapshotBundleFixture WithDataSet(string name, JsonNode? data)
    {
        _azure[name] = data?.DeepClone();
        return this;
    }

    public SnapshotBundleFixture WithProblem(string dataSet, string message, string? missingPermission = null)
    {
        _problems.Add(new JsonObject { ["dataSet"] = dataSet, ["message"] = message, ["missingPermission"] = missingPermission });
        return this;
    }

    public ClusterSnapshot Snapshot()
    {
        var bundle = new JsonObject
        {
            ["kind"] = "AksPostureSnapshot",
            ["cluster"] = cluster.Snapshot().Resource.DeepClone(),
            ["azure"] = _azure.DeepClone(),
            ["collectionProblems"] = _problems.DeepClone(),
        };
        if (_kubernetes is not null)
        {
            bundle["kubernetes"] = _kubernetes.DeepClone();
        }

        var result = SnapshotReader.Read(bundle.ToJsonString(), "bundle.json");
        Assert.Empty(result.Errors);
        return Assert.Single(result.Snapshots);
    }

    public RuleResult Evaluate(string ruleId, AssessmentSettings? settings = null)
    {
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException($"No rule '{ruleId}' in the catalog.", nameof(ruleId));
        return rule.Evaluate(Snapshot(), settings ?? AssessmentSettings.Default);
    }
}
