using System.Text.Json.Nodes;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Fixtures;

public class ClusterFixtureTests
{
    [Fact]
    public void Set_PoolFieldByName_ChangesOnlyThatPool()
    {
        var snapshot = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].count", 9).Snapshot();

        var pools = snapshot.Resource["properties"]!["agentPoolProfiles"]!.AsArray();
        Assert.Equal([3, 9, 0], pools.Select(p => (int)p!["count"]!));
    }

    [Fact]
    public void Set_MissingParents_AreCreated()
    {
        var snapshot = Load(MostlyCompliant).Set("properties.podIdentityProfile.enabled", true).Snapshot();

        Assert.True((bool)snapshot.Resource["properties"]!["podIdentityProfile"]!["enabled"]!);
    }

    [Fact]
    public void Remove_PoolByName_DropsThePool()
    {
        var snapshot = Load(MostlyCompliant).Remove("properties.agentPoolProfiles[armspot]").Snapshot();

        var names = snapshot.Resource["properties"]!["agentPoolProfiles"]!.AsArray().Select(p => (string?)p!["name"]);
        Assert.Equal(["system", "apps"], names);
    }

    [Fact]
    public void Remove_Property_LeavesItAbsent()
    {
        var snapshot = Load(MostlyCompliant).Remove("sku.tier").Snapshot();

        var sku = Assert.IsType<JsonObject>(snapshot.Resource["sku"]);
        Assert.False(sku.ContainsKey("tier"));
        Assert.Equal("Base", (string?)sku["name"]);
    }
}
