using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Platform;

public class LegacyFeatureRulesTests
{
    [Theory]
    [InlineData("standard", RuleStatus.Pass)]
    [InlineData("Basic", RuleStatus.Fail)]
    [InlineData("premium-ish", RuleStatus.Warn)]
    public void Rel15_LoadBalancerSku_GivesVerdict(string sku, RuleStatus expected)
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.loadBalancerSku", sku).Evaluate("AKS-REL-15");

        Assert.Equal(expected, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.loadBalancerSku", $"\"{sku}\""), result.Evidence);
    }

    [Fact]
    public void Rel15_SkuAbsent_DefaultsToStandard()
    {
        var result = Load(MostlyCompliant).Remove("properties.networkProfile.loadBalancerSku").Evaluate("AKS-REL-15");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Sec19_HttpApplicationRoutingEnabled_Fails()
    {
        var result = Load(MostlyCompliant).Set("properties.addonProfiles.httpApplicationRouting", new { enabled = true }).Evaluate("AKS-SEC-19");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.addonProfiles.httpApplicationRouting.enabled", "true"), result.Evidence);
    }

    [Fact]
    public void Sec19_AddonAbsent_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-19");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Sec20_PodIdentityEnabled_FailsAndSharesTheWorkloadIdentityCheck()
    {
        var result = Load(MostlyCompliant).Set("properties.podIdentityProfile.enabled", true).Evaluate("AKS-SEC-20");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("AKS-SEC-08", result.CheckId);
    }

    [Fact]
    public void Sec20_PodIdentityAbsent_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-20");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }
}
