using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-REL-04, -07, -08 and -13; AKS-REL-03 and -09 have their own files.</summary>
public class ReliabilityRulesTests
{
    [Fact]
    public void Rel04_StandardTierInProduction_AsksForTargets()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-REL-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("sku.tier", "\"Standard\""), result.Evidence);
        Assert.Contains(new Evidence("tags.environment", "\"production\""), result.Evidence);
    }

    [Fact]
    public void Rel04_FreeTierInProduction_Fails()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Free").Evaluate("AKS-REL-04");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Rel04_TierAbsentInProduction_CountsAsFreeAndFails()
    {
        var result = Load(MostlyCompliant).Remove("sku.tier").Evaluate("AKS-REL-04");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("sku.tier", null), result.Evidence);
    }

    [Fact]
    public void Rel04_FreeTierInDevelopment_AsksForTargets()
    {
        Assert.Equal(RuleStatus.Manual, Load(NeglectedDev).Evaluate("AKS-REL-04").Status);
    }

    [Fact]
    public void Rel07_AzureCniOverlay_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-REL-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("overlay", result.Message);
        Assert.Contains(new Evidence("properties.networkProfile.networkPlugin", "\"azure\""), result.Evidence);
    }

    [Fact]
    public void Rel07_KubenetWithLinuxPools_Warns()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-REL-07");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.networkPlugin", "\"kubenet\""), result.Evidence);
    }

    [Fact]
    public void Rel07_KubenetWithWindowsPool_Fails()
    {
        var result = Load(MostlyCompliant)
            .Set("properties.networkProfile.networkPlugin", "kubenet")
            .Set("properties.agentPoolProfiles[apps].osType", "Windows")
            .Evaluate("AKS-REL-07");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("apps", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].osType", "\"Windows\""), result.Evidence);
    }

    [Theory]
    [InlineData("AZURE", RuleStatus.Pass)]
    [InlineData("none", RuleStatus.NotApplicable)]
    [InlineData("flannel", RuleStatus.Warn)]
    public void Rel07_PluginValue_GivesStatus(string plugin, RuleStatus expected)
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.networkPlugin", plugin).Evaluate("AKS-REL-07");

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Rel07_PluginAbsent_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Remove("properties.networkProfile.networkPlugin").Evaluate("AKS-REL-07");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.networkPlugin", null), result.Evidence);
    }

    [Fact]
    public void Rel07_PluginIsAnObject_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.networkPlugin", new { name = "azure" }).Evaluate("AKS-REL-07");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.networkProfile.networkPlugin'", result.Message);
    }

    [Theory]
    [InlineData("Standard")]
    [InlineData("Premium")]
    [InlineData("Paid")]
    public void Rel08_PaidTier_Passes(string tier)
    {
        var result = Load(MostlyCompliant).Set("sku.tier", tier).Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("sku.tier", $"\"{tier}\""), result.Evidence);
    }

    [Fact]
    public void Rel08_FreeTierInProduction_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(MostlyCompliant).Set("sku.tier", "Free").Evaluate("AKS-REL-08").Status);
    }

    [Fact]
    public void Rel08_TierAbsentInProduction_CountsAsFreeAndFails()
    {
        var result = Load(MostlyCompliant).Remove("sku").Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("sku.tier", null), result.Evidence);
    }

    [Fact]
    public void Rel08_FreeTierInDevelopment_IsNotApplicable()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("tags.environment", "\"dev\""), result.Evidence);
    }

    [Fact]
    public void Rel08_FreeTierWithoutEnvironmentTag_Warns()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Free").Remove("tags.environment").Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("tags.environment", null), result.Evidence);
    }

    [Fact]
    public void Rel08_FreeTierWithUnknownEnvironment_Warns()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Free").Set("tags.environment", "blue").Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("tags.environment", "\"blue\""), result.Evidence);
    }

    [Fact]
    public void Rel08_UnknownTier_Warns()
    {
        var result = Load(MostlyCompliant).Set("sku.tier", "Gold").Evaluate("AKS-REL-08");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'Gold'", result.Message);
    }

    [Theory]
    [InlineData("managedNATGateway", RuleStatus.Pass)]
    [InlineData("userAssignedNATGateway", RuleStatus.Pass)]
    [InlineData("ManagedNatGateway", RuleStatus.Pass)]
    [InlineData("userDefinedRouting", RuleStatus.NotApplicable)]
    [InlineData("loadBalancer", RuleStatus.NotApplicable)]
    [InlineData("none", RuleStatus.Manual)]
    [InlineData("block", RuleStatus.Manual)]
    [InlineData("carrierPigeon", RuleStatus.Warn)]
    public void Rel13_OutboundType_GivesStatus(string outboundType, RuleStatus expected)
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.outboundType", outboundType).Evaluate("AKS-REL-13");

        Assert.Equal(expected, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.outboundType", $"\"{outboundType}\""), result.Evidence);
    }

    [Fact]
    public void Rel13_OutboundTypeAbsent_CountsAsLoadBalancer()
    {
        var result = Load(MostlyCompliant).Remove("properties.networkProfile.outboundType").Evaluate("AKS-REL-13");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("load balancer", result.Message);
        Assert.Contains(new Evidence("properties.networkProfile.outboundType", null), result.Evidence);
    }
}
