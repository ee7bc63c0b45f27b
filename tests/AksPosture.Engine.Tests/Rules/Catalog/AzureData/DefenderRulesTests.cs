using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>The Defender check, reported as AKS-SEC-18 and AKS-POL-02.</summary>
public class DefenderRulesTests
{
    private const string Sensor = "properties.securityProfile.defender.securityMonitoring.enabled";

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_SensorOnPlanStandard_Pass(string ruleId)
    {
        var result = AzureDataCase.For().With("defenderPlan").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("defender", result.CheckId);
        Assert.Contains(new Evidence(Sensor, "true"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_SensorOff_FailsEvenWithoutPlanData(string ruleId)
    {
        var result = AzureDataCase.For().Remove("properties.securityProfile.defender").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence(Sensor, null), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_PlanFree_Fails(string ruleId)
    {
        var result = AzureDataCase.For().With("defenderPlan").Edit("defenderPlan", d => d["properties"]!["pricingTier"] = "Free").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("azure.defenderPlan.properties.pricingTier", "Free"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_UnknownTier_Warns(string ruleId)
    {
        var result = AzureDataCase.For().With("defenderPlan").Edit("defenderPlan", d => d["properties"]!["pricingTier"] = "Enterprise").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'Enterprise'", result.Message);
    }

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_PlanNotCollected_NotApplicable(string ruleId)
    {
        Assert.Equal(RuleStatus.NotApplicable, AzureDataCase.For().Evaluate(ruleId).Status);
    }

    [Theory]
    [InlineData("AKS-SEC-18")]
    [InlineData("AKS-POL-02")]
    public void Defender_PlanCollectionFailed_Error(string ruleId)
    {
        var result = AzureDataCase.For().Failed("defenderPlan", "AuthorizationFailed", "Microsoft.Security/pricings/read").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Security/pricings/read", result.Message);
    }
}
