using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Platform;

public class MaintenanceWindowTests
{
    [Fact]
    public void Ops13_BothWindows_Passes()
    {
        var result = Evaluate(Windows("aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"));

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("azure.maintenanceConfigurations", "2 item(s)"), result.Evidence);
    }

    [Fact]
    public void Ops13_OneWindow_Warns()
    {
        var result = Evaluate(Windows("aksManagedAutoUpgradeSchedule"));

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("aksManagedNodeOSUpgradeSchedule", result.Message);
    }

    [Fact]
    public void Ops13_NoWindow_Fails()
    {
        var result = Evaluate(Windows());

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Ops13_NotCollected_IsNotApplicable()
    {
        var result = Evaluate(AzureData.Empty);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.maintenanceConfigurations", null), result.Evidence);
    }

    [Fact]
    public void Ops13_CollectionDenied_ErrorNamesPermission()
    {
        var denied = new AzureData([], [new CollectionProblem("maintenanceConfigurations", "403 Forbidden", "Microsoft.ContainerService/managedClusters/maintenanceConfigurations/read")]);

        var result = Evaluate(denied);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("maintenanceConfigurations/read", result.Message);
    }

    [Fact]
    public void Ops13_NoAutomaticUpgrades_IsNotApplicable()
    {
        var snapshot = Load(MostlyCompliant)
            .Set("properties.autoUpgradeProfile.upgradeChannel", "none")
            .Set("properties.autoUpgradeProfile.nodeOSUpgradeChannel", "None")
            .Snapshot();

        var result = RuleCatalog.Find("AKS-OPS-13")!.Evaluate(snapshot, AssessmentSettings.Default);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    private static AzureData Windows(params string[] names) =>
        new([KeyValuePair.Create<string, JsonNode?>("maintenanceConfigurations",
            new JsonObject { ["value"] = new JsonArray(names.Select(n => (JsonNode)new JsonObject { ["name"] = n }).ToArray()) })], []);

    private static RuleResult Evaluate(AzureData azure)
    {
        var snapshot = Load(MostlyCompliant).Snapshot();
        var withData = new ClusterSnapshot(snapshot.Resource, snapshot.Source) { Azure = azure };
        return RuleCatalog.Find("AKS-OPS-13")!.Evaluate(withData, AssessmentSettings.Default);
    }
}
