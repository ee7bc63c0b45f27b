using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-REL-03 (in ReliabilityRules.cs): applications on user pools, enough system nodes.</summary>
public class UserAndSystemPoolsTests
{
    private const string Rule = "AKS-REL-03";

    [Fact]
    public void Rel03_ThreeSystemNodesAndAutoscaledUserPool_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles", "3 pool(s): system, apps, armspot"), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].minCount", "3"), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].mode", "\"System\""), result.Evidence);
    }

    [Fact]
    public void Rel03_SystemPoolMinimumOfTwo_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[system].minCount", 2).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'system' has 2 nodes", result.Message);
    }

    [Fact]
    public void Rel03_FixedSystemPoolOfOneNode_Fails()
    {
        var result = Load(MostlyCompliant)
            .Set("properties.agentPoolProfiles[system].enableAutoScaling", false)
            .Set("properties.agentPoolProfiles[system].count", 1)
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("'system' can run with 1 node(s)", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].count", "1"), result.Evidence);
    }

    [Fact]
    public void Rel03_NoUserPool_Fails()
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.agentPoolProfiles[apps]")
            .Remove("properties.agentPoolProfiles[armspot]")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no user node pool", result.Message);
    }

    [Fact]
    public void Rel03_NoUserPoolButNodeAutoProvisioning_Passes()
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.agentPoolProfiles[apps]")
            .Remove("properties.agentPoolProfiles[armspot]")
            .Set("properties.nodeProvisioningProfile.mode", "Auto")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel03_FixedUserPoolOfOneNode_Fails()
    {
        var result = Load(MostlyCompliant)
            .Set("properties.agentPoolProfiles[apps].enableAutoScaling", false)
            .Set("properties.agentPoolProfiles[apps].count", 1)
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("pool 'apps' has 1 node(s)", result.Message);
    }

    [Fact]
    public void Rel03_FixedSpotPoolOfZeroNodes_IsNotCounted()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[armspot].enableAutoScaling", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel03_PoolModeAbsent_CountsAsUserPool()
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.agentPoolProfiles[armspot]")
            .Remove("properties.agentPoolProfiles[apps].mode")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].mode", null), result.Evidence);
    }

    [Fact]
    public void Rel03_OnlyGatewayPoolBesideSystem_Fails()
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.agentPoolProfiles[armspot]")
            .Set("properties.agentPoolProfiles[apps].mode", "Gateway")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no user node pool", result.Message);
    }

    [Fact]
    public void Rel03_SingleNodeAzCliCluster_Fails()
    {
        var result = Load(NeglectedDev).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no user node pool", result.Message);
        Assert.Contains("'nodepool1' can run with 1 node(s)", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[nodepool1].count", "1"), result.Evidence);
    }

    [Fact]
    public void Rel03_PoolsAbsent_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Remove("properties.agentPoolProfiles").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles", null), result.Evidence);
    }

    [Fact]
    public void Rel03_PoolsNotAnArray_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles", 5).Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.agentPoolProfiles'", result.Message);
    }

    [Fact]
    public void Rel03_MinCountNotANumber_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[system].minCount", "three").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.agentPoolProfiles[system].minCount'", result.Message);
    }

    // Engine bug: Probe.Pools() keeps only JSON objects (OfType<JsonObject>), so a pool entry of the wrong type is
    // dropped silently and the rule judges the remaining pools (here: none, so NA) instead of reporting ERROR.
    [Fact]
    public void Rel03_PoolEntryNotAnObject_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles", new object[] { "system" }).Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("properties.agentPoolProfiles", result.Message);
    }
}
