using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Snapshots;

/// <summary>The input shapes the reader accepts; malformed input is in <see cref="SnapshotReaderErrorTests"/>.</summary>
public class SnapshotReaderTests
{
    private const string ClusterId = "/subscriptions/ABCDEF01-0000-0000-0000-000000000000/resourceGroups/RG-Mixed-Case/providers/Microsoft.ContainerService/managedClusters/aks-x";

    [Fact]
    public void ReadFile_ArmGet_ReturnsOneSnapshotWithEnvelopeFields()
    {
        var result = SnapshotReader.ReadFile(PathOf(MostlyCompliant));

        Assert.Empty(result.Errors);
        var snapshot = Assert.Single(result.Snapshots);
        Assert.Equal("aks-contoso-prod-weu", snapshot.Name);
        Assert.Equal("westeurope", snapshot.Location);
        Assert.Equal("00000000-0000-0000-0000-000000000000", snapshot.SubscriptionId);
        Assert.Equal("rg-contoso-aks-prod", snapshot.ResourceGroup);
        Assert.Equal("production", snapshot.Tags["environment"]);
        Assert.Equal($"{PathOf(MostlyCompliant)} $", snapshot.Source);
    }

    [Fact]
    public void ReadFile_ArmList_ReturnsEveryItemWithItsPath()
    {
        var path = PathOf("managedclusters-list.json");

        var result = SnapshotReader.ReadFile(path);

        Assert.Empty(result.Errors);
        Assert.Equal(["aks-shop-dev", "aks-shop-prod"], result.Snapshots.Select(s => s.Name));
        Assert.Equal([$"{path} $.value[0]", $"{path} $.value[1]"], result.Snapshots.Select(s => s.Source));
        Assert.All(result.Snapshots, s => Assert.Equal("rg-shop", s.ResourceGroup));
    }

    [Fact]
    public void Read_AzFlattenedCluster_FoldsClusterFieldsUnderProperties()
    {
        var result = SnapshotReader.Read(Text(NeglectedDev), NeglectedDev);

        var snapshot = Assert.Single(result.Snapshots);
        var resource = snapshot.Resource;
        Assert.Equal("kubenet", (string?)resource["properties"]!["networkProfile"]!["networkPlugin"]);
        Assert.Equal("Free", (string?)resource["sku"]!["tier"]);
        Assert.Null(resource["networkProfile"]);
        Assert.Null(resource["properties"]!["sku"]);
        Assert.Equal("rg-sandbox-dev", snapshot.ResourceGroup);
        Assert.Equal("aaaaaaaa-0000-0000-0000-000000000000", snapshot.SubscriptionId);
    }

    [Fact]
    public void Read_AzListArray_ReturnsEachClusterWithItsIndex()
    {
        var dev = Text(NeglectedDev);
        var json = $"[{dev}, {dev.Replace("aks-sandbox-dev\"", "aks-sandbox-dev2\"")}]";

        var result = SnapshotReader.Read(json, "az-aks-list.json");

        Assert.Empty(result.Errors);
        Assert.Equal(["aks-sandbox-dev", "aks-sandbox-dev2"], result.Snapshots.Select(s => s.Name));
        Assert.Equal(["az-aks-list.json $[0]", "az-aks-list.json $[1]"], result.Snapshots.Select(s => s.Source));
    }

    [Fact]
    public void Read_AzOutputWithoutType_IsRecognisedByItsClusterFields()
    {
        var json = $$"""{ "id": "{{ClusterId}}", "name": "aks-x", "networkProfile": { "networkPlugin": "azure" } }""";

        var snapshot = Assert.Single(SnapshotReader.Read(json, "show.json").Snapshots);

        Assert.Equal("azure", (string?)snapshot.Resource["properties"]!["networkProfile"]!["networkPlugin"]);
    }

    [Fact]
    public void ReadFile_ResourceGraphObjectArray_AcceptsLowerCaseType()
    {
        var path = PathOf("resource-graph.json");

        var result = SnapshotReader.ReadFile(path);

        Assert.Empty(result.Errors);
        Assert.Equal(["aks-team-a", "aks-team-b"], result.Snapshots.Select(s => s.Name));
        Assert.Equal($"{path} $.data[1]", result.Snapshots[1].Source);
        Assert.Equal("cccccccc-0000-0000-0000-000000000002", result.Snapshots[1].SubscriptionId);
        Assert.Equal("westus", result.Snapshots[1].Location);
    }

    [Fact]
    public void Read_KeysInAnyCase_AreMatched()
    {
        var json = $$"""
            { "ID": "{{ClusterId}}", "NAME": "aks-x", "Type": "MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS",
              "Tags": { "Environment": "Prod" },
              "Properties": { "NetworkProfile": { "NetworkPlugin": "azure" } } }
            """;

        var snapshot = Assert.Single(SnapshotReader.Read(json, "upper.json").Snapshots);

        Assert.Equal("aks-x", snapshot.Name);
        Assert.Equal("Prod", snapshot.Tags["environment"]);
        var probe = new Probe(snapshot, AssessmentSettings.Default);
        Assert.Equal("azure", probe.Text("properties.networkProfile.networkPlugin"));
    }

    [Fact]
    public void Read_SubscriptionGroupAndNameAbsent_AreTakenFromTheId()
    {
        var json = $$"""{ "id": "{{ClusterId}}", "type": "Microsoft.ContainerService/managedClusters", "properties": {} }""";

        var snapshot = Assert.Single(SnapshotReader.Read(json, "get.json").Snapshots);

        Assert.Equal("abcdef01-0000-0000-0000-000000000000", snapshot.SubscriptionId);
        Assert.Equal("RG-Mixed-Case", snapshot.ResourceGroup);
        Assert.Equal(ClusterId.Split('/')[^1], snapshot.Name);
    }

    [Fact]
    public void Read_SubscriptionAndGroupPresent_WinOverTheId()
    {
        var json = $$"""
            { "id": "{{ClusterId}}", "subscriptionId": "FFFFFFFF-0000-0000-0000-000000000000", "resourceGroup": "rg-mixed-case",
              "type": "Microsoft.ContainerService/managedClusters", "properties": {} }
            """;

        var snapshot = Assert.Single(SnapshotReader.Read(json, "row.json").Snapshots);

        Assert.Equal("ffffffff-0000-0000-0000-000000000000", snapshot.SubscriptionId);
        Assert.Equal("rg-mixed-case", snapshot.ResourceGroup);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_AreTolerated()
    {
        var json = $$"""
            // exported by hand
            { "id": "{{ClusterId}}", "type": "Microsoft.ContainerService/managedClusters", "properties": { "enableRBAC": true, }, }
            """;

        var result = SnapshotReader.Read(json, "hand.json");

        Assert.Empty(result.Errors);
        Assert.Single(result.Snapshots);
    }
}
