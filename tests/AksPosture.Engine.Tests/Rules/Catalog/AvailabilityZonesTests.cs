using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-REL-09: node pools spread across availability zones.</summary>
public class AvailabilityZonesTests
{
    private const string Rule = "AKS-REL-09";

    [Fact]
    public void Rel09_EveryPoolInThreeZones_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("location", "\"westeurope\""), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].availabilityZones", """["1","2","3"]"""), result.Evidence);
    }

    [Fact]
    public void Rel09_PoolWithoutZonesInZonalRegion_Fails()
    {
        var result = Load(MostlyCompliant).Remove("properties.agentPoolProfiles[apps].availabilityZones").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("apps", result.Message);
        Assert.DoesNotContain("system", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].availabilityZones", null), result.Evidence);
    }

    [Fact]
    public void Rel09_SameZoneListedTwice_CountsOnceAndFails()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].availabilityZones", new[] { "1", "1" }).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Rel09_PoolInTwoZones_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[armspot].availabilityZones", new[] { "1", "2" }).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("armspot", result.Message);
    }

    [Fact]
    public void Rel09_AzCliPoolWithNullZonesInEastUs_Fails()
    {
        var result = Load(NeglectedDev).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[nodepool1].availabilityZones", null), result.Evidence);
    }

    [Fact]
    public void Rel09_RegionWithoutZones_IsNotApplicable()
    {
        var result = Load(MostlyCompliant)
            .Set("location", "westus")
            .Remove("properties.agentPoolProfiles[apps].availabilityZones")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("westus", result.Message);
    }

    [Fact]
    public void Rel09_UnknownRegionAndPoolWithoutZones_Warns()
    {
        var result = Load(MostlyCompliant)
            .Set("location", "marsnorth")
            .Remove("properties.agentPoolProfiles[apps].availabilityZones")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("unknown", result.Message);
    }

    [Fact]
    public void Rel09_UnzonedPoolInProximityPlacementGroup_IsExempt()
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.agentPoolProfiles[apps].availabilityZones")
            .Set("properties.agentPoolProfiles[apps].proximityPlacementGroupID", "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/proximityPlacementGroups/ppg")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel09_EveryPoolInProximityPlacementGroup_IsNotApplicable()
    {
        const string ppg = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/proximityPlacementGroups/ppg";
        var result = Load(MostlyCompliant)
            .Set("properties.agentPoolProfiles[system].proximityPlacementGroupID", ppg)
            .Set("properties.agentPoolProfiles[apps].proximityPlacementGroupID", ppg)
            .Set("properties.agentPoolProfiles[armspot].proximityPlacementGroupID", ppg)
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Rel09_ZonesAsText_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].availabilityZones", "1,2,3").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.agentPoolProfiles[apps].availabilityZones'", result.Message);
    }
}
