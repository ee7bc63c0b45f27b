using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Engine.Tests.Fixtures;
using AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

namespace AksPosture.Engine.Tests.Snapshots;

public class SnapshotWriterTests
{
    [Fact]
    public void ToBundle_ReadBack_KeepsClusterAzureDataProblemsAndKubernetesObjects()
    {
        var original = BundleWithEverything();

        var bundle = SnapshotWriter.ToBundle(original).ToJsonString();
        var read = Assert.Single(SnapshotReader.Read(bundle, "stored.json").Snapshots);

        Assert.Equal(original.Id, read.Id);
        Assert.True(read.Azure.TryGet("maintenanceConfigurations", out var windows));
        Assert.Equal("aksManagedAutoUpgradeSchedule", (string?)windows!["value"]![0]!["name"]);
        Assert.Equal("Microsoft.Insights/diagnosticSettings/read", read.Azure.ProblemWith("diagnosticSettings")?.MissingPermission);
        Assert.Equal("connection refused", read.KubernetesProblem?.Message);
        Assert.Equal(["web"], read.Kubernetes!.OfKind("Deployment").Select(d => d.Name));
    }

    [Fact]
    public void ToBundle_SameSnapshot_GivesTheSameVerdictsAfterReadingBack()
    {
        var original = BundleWithEverything();
        var read = SnapshotReader.Read(SnapshotWriter.ToBundle(original).ToJsonString(), "stored.json").Snapshots[0];

        var before = ClusterAssessor.Assess(original).Results.Select(r => (r.RuleId, r.ObjectKey, r.Status, r.Message));
        var after = ClusterAssessor.Assess(read).Results.Select(r => (r.RuleId, r.ObjectKey, r.Status, r.Message));

        Assert.Equal(before, after);
    }

    [Fact]
    public void ToBundle_DiagnosticCategories_ReadBackStillExpandTheSettingsGroups()
    {
        var settings = AzureDataCase.Data("diagnosticSettings");
        settings["value"]![0]!["properties"]!["logs"] = JsonNode.Parse("""[ { "category": "kube-apiserver", "enabled": true }, { "categoryGroup": "audit", "enabled": true } ]""");
        var bundle = new JsonObject
        {
            ["kind"] = "AksPostureSnapshot",
            ["cluster"] = JsonNode.Parse(ClusterFixture.Text(ClusterFixture.MostlyCompliant)),
            ["azure"] = new JsonObject { ["diagnosticSettings"] = settings, ["diagnosticCategories"] = AzureDataCase.Data("diagnosticCategories") },
        };
        var original = SnapshotReader.Read(bundle.ToJsonString(), "bundle.json").Snapshots.Single();

        var read = SnapshotReader.Read(SnapshotWriter.ToBundle(original).ToJsonString(), "stored.json").Snapshots.Single();

        Assert.True(read.Azure.TryGet("diagnosticCategories", out var categories));
        Assert.Equal(12, categories!["value"]!.AsArray().Count);
        Assert.Equal(RuleStatus.Pass, ClusterAssessor.Assess(read).Results.Single(r => r.RuleId == "AKS-OPS-03").Status);
    }

    private static ClusterSnapshot BundleWithEverything()
    {
        var cluster = JsonNode.Parse(ClusterFixture.Text(ClusterFixture.MostlyCompliant))!;
        var bundle = new JsonObject
        {
            ["kind"] = "AksPostureSnapshot",
            ["cluster"] = cluster,
            ["azure"] = new JsonObject
            {
                ["maintenanceConfigurations"] = new JsonObject { ["value"] = new JsonArray(new JsonObject { ["name"] = "aksManagedAutoUpgradeSchedule" }) },
            },
            ["kubernetes"] = new JsonObject
            {
                ["kind"] = "List",
                ["items"] = new JsonArray(new JsonObject
                {
                    ["apiVersion"] = "apps/v1", ["kind"] = "Deployment",
                    ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop" },
                    ["spec"] = new JsonObject { ["replicas"] = 2 },
                }),
            },
            ["collectionProblems"] = new JsonArray(
                new JsonObject { ["dataSet"] = "diagnosticSettings", ["message"] = "403", ["missingPermission"] = "Microsoft.Insights/diagnosticSettings/read" },
                new JsonObject { ["dataSet"] = "kubernetes", ["message"] = "connection refused" }),
        };
        return SnapshotReader.Read(bundle.ToJsonString(), "bundle.json").Snapshots.Single();
    }
}
