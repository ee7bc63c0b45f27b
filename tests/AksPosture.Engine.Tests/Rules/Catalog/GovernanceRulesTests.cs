using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>The Azure Policy add-on check, reported as AKS-SEC-14, AKS-OPS-05 and AKS-OPS-08.</summary>
public class GovernanceRulesTests
{
    private const string AddonEnabled = "properties.addonProfiles.azurepolicy.enabled";

    [Theory]
    [InlineData("AKS-SEC-14")]
    [InlineData("AKS-OPS-05")]
    [InlineData("AKS-OPS-08")]
    public void PolicyAddonRules_AddonEnabled_Pass(string ruleId)
    {
        var result = Load(MostlyCompliant).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("azure-policy-addon", result.CheckId);
        Assert.Contains(new Evidence(AddonEnabled, "true"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-14")]
    [InlineData("AKS-OPS-05")]
    [InlineData("AKS-OPS-08")]
    public void PolicyAddonRules_AddonDisabled_Fail(string ruleId)
    {
        var result = Load(MostlyCompliant).Set(AddonEnabled, false).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence(AddonEnabled, "false"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-14", "azurePolicy")]
    [InlineData("AKS-OPS-05", "AzurePolicy")]
    [InlineData("AKS-OPS-08", "AZUREPOLICY")]
    public void PolicyAddonRules_AddonKeyInOtherCase_Pass(string ruleId, string key)
    {
        var result = Load(MostlyCompliant)
            .Remove("properties.addonProfiles.azurepolicy")
            .Set($"properties.addonProfiles.{key}.enabled", true)
            .Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Theory]
    [InlineData("AKS-SEC-14")]
    [InlineData("AKS-OPS-05")]
    [InlineData("AKS-OPS-08")]
    public void PolicyAddonRules_AzCliNullAddonProfiles_Fail(string ruleId)
    {
        var result = Load(NeglectedDev).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence(AddonEnabled, null), result.Evidence);
    }

    [Fact]
    public void Sec14_AddonMissingBesideOtherAddons_Fails()
    {
        var result = Load(MostlyCompliant).Remove("properties.addonProfiles.azurepolicy").Evaluate("AKS-SEC-14");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Sec14_EnabledIsANumber_Errors()
    {
        var result = Load(MostlyCompliant).Set(AddonEnabled, 1).Evaluate("AKS-SEC-14");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains($"'{AddonEnabled}'", result.Message);
    }
}
