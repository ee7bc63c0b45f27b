using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-SEC-02: Defender for Containers plus audit logs in a Sentinel workspace.</summary>
public class SecurityMonitoringRuleTests
{
    private const string Rule = "AKS-SEC-02";

    private static readonly Action<JsonNode> AuditGroupOnly = d =>
        d["value"]![0]!["properties"]!["logs"] = JsonNode.Parse("""[ { "category": null, "categoryGroup": "audit", "enabled": true } ]""");

    private static AzureDataCase Monitored() => AzureDataCase.For().With("defenderPlan", "diagnosticSettings", "sentinelOnboarding");

    [Fact]
    public void SecurityMonitoring_DefenderAndAuditLogsInSentinel_Pass()
    {
        var result = Monitored().Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("'log-contoso-weu'", result.Message);
        Assert.Contains(new Evidence("azure.sentinelOnboarding.workspaces", "log-contoso-weu"), result.Evidence);
        Assert.Contains(new Evidence("azure.defenderPlan.properties.pricingTier", "Standard"), result.Evidence);
    }

    [Fact]
    public void SecurityMonitoring_DefenderSensorOff_Fails()
    {
        var result = Monitored().Set("properties.securityProfile.defender.securityMonitoring.enabled", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Defender sensor is not enabled", result.Message);
    }

    [Fact]
    public void SecurityMonitoring_PlanFree_Fails()
    {
        var result = Monitored().Edit("defenderPlan", d => d["properties"]!["pricingTier"] = "Free").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("plan is Free", result.Message);
    }

    [Fact]
    public void SecurityMonitoring_WorkspaceNotOnboardedToSentinel_Warns()
    {
        var result = Monitored().With("sentinelOnboarding", JsonNode.Parse("""{ "value": [] }""")).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("not onboarded to Microsoft Sentinel", result.Message);
        Assert.Contains(new Evidence("azure.sentinelOnboarding.workspaces", "none onboarded"), result.Evidence);
    }

    [Fact]
    public void SecurityMonitoring_AuditGroupExpanded_PassWithTheGroupsWorkspace()
    {
        var result = Monitored().With("diagnosticCategories").Edit("diagnosticSettings", AuditGroupOnly).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("'log-contoso-weu'", result.Message);
    }

    [Fact]
    public void SecurityMonitoring_AuditGroupWithoutCategoriesList_NeitherPassNorWarn()
    {
        var result = Monitored().Edit("diagnosticSettings", AuditGroupOnly).Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("whose categories are unknown", result.Message);
    }

    [Fact]
    public void SecurityMonitoring_SentinelOnboardingNotCollected_Warns()
    {
        var result = AzureDataCase.For().With("defenderPlan", "diagnosticSettings").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'sentinelOnboarding' was not collected", result.Message);
    }

    [Fact]
    public void SecurityMonitoring_SentinelOnboardingCollectionFailed_Error()
    {
        var result = AzureDataCase.For().With("defenderPlan", "diagnosticSettings")
            .Failed("sentinelOnboarding", "AuthorizationFailed", "Microsoft.SecurityInsights/onboardingStates/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }

    [Fact]
    public void SecurityMonitoring_NoAuditLogsToWorkspace_Warns()
    {
        var result = Monitored().Edit("diagnosticSettings", d => d["value"]![0]!["properties"]!["logs"]![2]!["enabled"] = false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no diagnostic setting sends kube-audit", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SecurityMonitoring_DefenderPlanNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().With("diagnosticSettings", "sentinelOnboarding").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.defenderPlan", null), result.Evidence);
    }

    [Fact]
    public void SecurityMonitoring_DiagnosticSettingsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().With("defenderPlan").Failed("diagnosticSettings").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Insights/diagnosticSettings/read", result.Message);
    }
}
