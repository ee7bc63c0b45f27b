using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Platform;

public class NodePoolRulesTests
{
    [Fact]
    public void Rel16_ThreeSystemNodes_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-REL-16");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("AKS-REL-03", result.CheckId);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].minCount", "3"), result.Evidence);
    }

    [Fact]
    public void Rel16_TwoSystemNodes_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[system].minCount", 2).Evaluate("AKS-REL-16");

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Fact]
    public void Rel16_OneSystemNode_Fails()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-REL-16");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Rel16_NoSystemPool_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[system].mode", "User").Evaluate("AKS-REL-16");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Perf09_ManagedOsDisk_Warns()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-PERF-09");

        // The fixture's Spot pool uses a managed OS disk.
        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'armspot'", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[armspot].osDiskType", "\"Managed\""), result.Evidence);
    }

    [Fact]
    public void Perf09_AllEphemeral_Passes()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[armspot].osDiskType", "Ephemeral")
            .Set("properties.agentPoolProfiles[apps].osDiskType", "Ephemeral").Evaluate("AKS-PERF-09");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Perf09_NoPoolReportsDiskType_IsNotApplicable()
    {
        var result = Load(NeglectedDev).Remove("agentPoolProfiles[nodepool1].osDiskType").Evaluate("AKS-PERF-09");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Perf10_HundredAndTenPods_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-PERF-10");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].maxPods", "110"), result.Evidence);
    }

    [Fact]
    public void Perf10_UserPoolOfThirty_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[apps].maxPods", 30).Evaluate("AKS-PERF-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'apps' (30)", result.Message);
    }

    [Fact]
    public void Perf10_SystemPoolBelowThirty_Fails()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[system].maxPods", 20).Evaluate("AKS-PERF-10");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Perf10_NoPoolReportsMaxPods_IsNotApplicable()
    {
        var result = Load(NeglectedDev).Remove("agentPoolProfiles[nodepool1].maxPods").Evaluate("AKS-PERF-10");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }
}
