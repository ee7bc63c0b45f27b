using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Tests.Snapshots;

public class ClusterSnapshotTests
{
    [Fact]
    public void Tags_NonTextValues_AreKeptAsJsonAndMatchedInAnyCase()
    {
        var resource = JsonNode.Parse("""{ "id": "x", "tags": { "Environment": "prod", "replicas": 3, "flag": true } }""")!.AsObject();

        var snapshot = new ClusterSnapshot(resource, "test");

        Assert.Equal("prod", snapshot.Tags["ENVIRONMENT"]);
        Assert.Equal("3", snapshot.Tags["replicas"]);
        Assert.Equal("true", snapshot.Tags["flag"]);
    }

    [Fact]
    public void Tags_Absent_IsEmpty()
    {
        var snapshot = new ClusterSnapshot(new JsonObject { ["id"] = "x" }, "test");

        Assert.Empty(snapshot.Tags);
        Assert.Equal("", snapshot.SubscriptionId);
        Assert.Equal("", snapshot.ResourceGroup);
    }
}

public class ResourceIdTests
{
    [Theory]
    [InlineData("/subscriptions/S1/resourcegroups/rg-a/providers/Microsoft.ContainerService/managedClusters/aks-a", "S1", "rg-a", "aks-a")]
    [InlineData("/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG-A/providers/Microsoft.ContainerService/managedClusters/aks-a", "S1", "RG-A", "aks-a")]
    [InlineData("/subscriptions/S1/providers/Microsoft.Security/pricings/Containers", "S1", "", "Containers")]
    public void TryParse_ArmId_ReturnsItsParts(string id, string subscription, string group, string name)
    {
        Assert.Equal(new ResourceId(subscription, group, name), ResourceId.TryParse(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("aks-a")]
    public void TryParse_NotAnArmId_ReturnsNull(string? id)
    {
        Assert.Null(ResourceId.TryParse(id));
    }
}
