using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>The node autoscaling check, reported as AKS-COST-09, AKS-PERF-02, AKS-PERF-05 and AKS-PERF-06.</summary>
public class NodeAutoscalingTests
{
    public static TheoryData<string> RuleIds => ["AKS-COST-09", "AKS-PERF-02", "AKS-PERF-05", "AKS-PERF-06"];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_EveryUserPoolAutoscaled_Pass(string ruleId)
    {
        var result = Load(MostlyCompliant).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("node-autoscaling", result.CheckId);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].enableAutoScaling", "true"), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].maxCount", "12"), result.Evidence);
        Assert.Contains(new Evidence("properties.nodeProvisioningProfile.mode", "\"Manual\""), result.Evidence);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_FixedUserPool_Fail(string ruleId)
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].enableAutoScaling", false).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("'apps'", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].enableAutoScaling", "false"), result.Evidence);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_AutoscalerPinnedMinEqualsMax_Fail(string ruleId)
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].minCount", 12).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("minCount equal to maxCount", result.Message);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_NodeAutoProvisioningWithFixedPool_Pass(string ruleId)
    {
        var result = Load(MostlyCompliant)
            .Set("properties.agentPoolProfiles[apps].enableAutoScaling", false)
            .Set("properties.nodeProvisioningProfile.mode", "Auto")
            .Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_FixedGatewayPool_IsIgnored(string ruleId)
    {
        var result = Load(MostlyCompliant)
            .Set("properties.agentPoolProfiles[armspot].mode", "Gateway")
            .Set("properties.agentPoolProfiles[armspot].enableAutoScaling", false)
            .Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void NodeAutoscaling_PoolsNotAnArray_Error(string ruleId)
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles", 5).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.agentPoolProfiles'", result.Message);
    }

    [Theory]
    [InlineData("AKS-PERF-05")]
    [InlineData("AKS-PERF-06")]
    public void Perf05And06_NoUserPool_Fail(string ruleId)
    {
        var result = Load(NeglectedDev).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no user node pool", result.Message);
    }

    // Engine bug: the spec (§2.3) says AKS-COST-09 is NA when there is no user pool, because AKS-REL-03 fails for
    // that; the shared NodeAutoscaling predicate returns FAIL for every rule of the check.
    [Fact]
    public void Cost09_NoUserPool_IsNotApplicable()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-COST-09");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }
}
