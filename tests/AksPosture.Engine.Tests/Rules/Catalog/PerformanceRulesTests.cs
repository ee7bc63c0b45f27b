using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-PERF-03 and -04; AKS-PERF-02, -05 and -06 are in <see cref="NodeAutoscalingTests"/>.</summary>
public class PerformanceRulesTests
{
    [Theory]
    [InlineData(MostlyCompliant)]
    [InlineData(NeglectedDev)]
    public void Perf03_AnyCluster_AsksForLoadTestResults(string fixture)
    {
        Assert.Equal(RuleStatus.Manual, Load(fixture).Evaluate("AKS-PERF-03").Status);
    }

    [Fact]
    public void Perf04_TwoAutoscaledUserPools_AsksWhichFlowUsesWhich()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-PERF-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("'apps', 'armspot'", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[armspot].enableAutoScaling", "true"), result.Evidence);
    }

    [Fact]
    public void Perf04_OneAutoscaledUserPool_Warns()
    {
        var result = Load(MostlyCompliant).Remove("properties.agentPoolProfiles[armspot]").Evaluate("AKS-PERF-04");

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Fact]
    public void Perf04_AutoscaledSystemPoolDoesNotCount_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[armspot].enableAutoScaling", false).Evaluate("AKS-PERF-04");

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Fact]
    public void Perf04_NoUserPool_Warns()
    {
        Assert.Equal(RuleStatus.Warn, Load(NeglectedDev).Evaluate("AKS-PERF-04").Status);
    }

    [Fact]
    public void Perf04_NodeAutoProvisioning_AsksWhichFlowUsesWhich()
    {
        var result = Load(NeglectedDev).Set("nodeProvisioningProfile.mode", "Auto").Evaluate("AKS-PERF-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("properties.nodeProvisioningProfile.mode", "\"Auto\""), result.Evidence);
    }
}
