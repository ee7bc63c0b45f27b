using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-COST-01, -06, -10 and -13; AKS-COST-09 is in <see cref="NodeAutoscalingTests"/>.</summary>
public class CostRulesTests
{
    [Fact]
    public void Cost01_StandardTier_AsksForTheCostModel()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-COST-01");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("sku.tier", "\"Standard\""), result.Evidence);
        Assert.Contains(new Evidence("properties.supportPlan", "\"KubernetesOfficial\""), result.Evidence);
    }

    [Fact]
    public void Cost01_PremiumWithoutLongTermSupport_Warns()
    {
        Assert.Equal(RuleStatus.Warn, Load(MostlyCompliant).Set("sku.tier", "Premium").Evaluate("AKS-COST-01").Status);
    }

    [Fact]
    public void Cost01_PremiumWithSupportPlanAbsent_Warns()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Premium").Remove("properties.supportPlan").Evaluate("AKS-COST-01");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("properties.supportPlan", null), result.Evidence);
    }

    [Fact]
    public void Cost01_PremiumWithLongTermSupport_AsksForTheCostModel()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Premium").Set("properties.supportPlan", "AKSLongTermSupport").Evaluate("AKS-COST-01");

        Assert.Equal(RuleStatus.Manual, result.Status);
    }

    [Fact]
    public void Cost06_EphemeralAndSmallManagedDisksInProduction_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-COST-06");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[armspot].osDiskType", "\"Managed\""), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[armspot].osDiskSizeGB", "128"), result.Evidence);
    }

    [Fact]
    public void Cost06_LargeEphemeralDisk_Passes()
    {
        Assert.Equal(RuleStatus.Pass, Load(BaselinePrivate).Evaluate("AKS-COST-06").Status);
    }

    [Fact]
    public void Cost06_ManagedDiskOver128Gb_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.agentPoolProfiles[armspot].osDiskSizeGB", 256).Evaluate("AKS-COST-06");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'armspot'", result.Message);
    }

    [Fact]
    public void Cost06_AzCliSpellingOsDiskSizeGb_IsRead()
    {
        var result = Load(NeglectedDev).Set("agentPoolProfiles[nodepool1].osDiskSizeGb", 512).Evaluate("AKS-COST-06");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[nodepool1].osDiskSizeGB", "512"), result.Evidence);
    }

    [Fact]
    public void Cost06_PaidTierOnDevelopmentCluster_Warns()
    {
        var result = Load(MostlyCompliant).Set("tags.environment", "dev").Evaluate("AKS-COST-06");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("non-production cluster pays for the Standard tier", result.Message);
    }

    [Fact]
    public void Cost06_FreeTierOnDevelopmentCluster_Passes()
    {
        Assert.Equal(RuleStatus.Pass, Load(NeglectedDev).Evaluate("AKS-COST-06").Status);
    }

    [Fact]
    public void Cost06_NoPools_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Load(MostlyCompliant).Set("properties.agentPoolProfiles", Array.Empty<object>()).Evaluate("AKS-COST-06").Status);
    }

    [Fact]
    public void Cost10_ManualWithAutoscaledPools_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-COST-10");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("cluster autoscaler", result.Message);
        Assert.Contains(new Evidence("properties.nodeProvisioningProfile.mode", "\"Manual\""), result.Evidence);
    }

    [Fact]
    public void Cost10_ProfileAbsent_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Remove("properties.nodeProvisioningProfile").Evaluate("AKS-COST-10");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("2025-05-01", result.Message);
        Assert.Contains(new Evidence("properties.nodeProvisioningProfile", null), result.Evidence);
    }

    [Fact]
    public void Cost10_AutoMode_Passes()
    {
        Assert.Equal(RuleStatus.Pass, Load(MostlyCompliant).Set("properties.nodeProvisioningProfile.mode", "Auto").Evaluate("AKS-COST-10").Status);
    }

    [Fact]
    public void Cost10_ManualWithFixedPools_Warns()
    {
        var result = Load(NeglectedDev).Set("nodeProvisioningProfile", new { mode = "Manual" }).Evaluate("AKS-COST-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[nodepool1].enableAutoScaling", "false"), result.Evidence);
    }

    [Fact]
    public void Cost13_CostAnalysisOn_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-COST-13");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.metricsProfile.costAnalysis.enabled", "true"), result.Evidence);
    }

    [Fact]
    public void Cost13_CostAnalysisOffOnStandard_Fails()
    {
        var result = Load(MostlyCompliant).Set("properties.metricsProfile.costAnalysis.enabled", false).Evaluate("AKS-COST-13");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("Cost analysis is not enabled.", result.Message);
    }

    [Fact]
    public void Cost13_CostAnalysisAbsentOnFree_FailsNamingTheTierPrerequisite()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-COST-13");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("on Free", result.Message);
        Assert.Contains(new Evidence("properties.metricsProfile.costAnalysis.enabled", null), result.Evidence);
    }

    [Fact]
    public void Cost13_TierAbsent_NamesFreeAsTheTier()
    {
        var result = Load(MostlyCompliant).Remove("properties.metricsProfile").Remove("sku.tier").Evaluate("AKS-COST-13");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("on Free", result.Message);
    }
}
