using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-COST-05: cost analysis, cost-allocation tags and an active budget.</summary>
public class CostVisibilityRuleTests
{
    private const string Rule = "AKS-COST-05";

    [Fact]
    public void CostVisibility_AnalysisTagsAndActiveBudget_AsksForFinOpsReview()
    {
        var result = AzureDataCase.For().With("budgets").Evaluate(Rule);

        // contoso-fy2025 ended on 2025-12-31, before the assessment date, so only the monthly budget counts.
        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("'costCenter'", result.Message);
        Assert.Contains(new Evidence("azure.budgets.active", "aks-contoso-prod-monthly"), result.Evidence);
        Assert.Contains(new Evidence("tags.costCenter", "\"cc-0000\""), result.Evidence);
    }

    [Fact]
    public void CostVisibility_CostAnalysisOff_Warns()
    {
        var result = AzureDataCase.For().With("budgets").Set("properties.metricsProfile.costAnalysis.enabled", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("cost analysis is not enabled", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CostVisibility_NoAllocationTag_Warns()
    {
        var result = AzureDataCase.For().With("budgets").Remove("tags.costCenter").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no cost-allocation tag", result.Message);
    }

    [Fact]
    public void CostVisibility_OnlyExpiredBudget_Warns()
    {
        var result = AzureDataCase.For().With("budgets").Edit("budgets", d => d["value"]!.AsArray().RemoveAt(0)).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("azure.budgets.active", "none"), result.Evidence);
    }

    [Fact]
    public void CostVisibility_BudgetsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'budgets' was not collected", result.Message);
    }

    [Fact]
    public void CostVisibility_BudgetsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("budgets", "AuthorizationFailed", "Microsoft.Consumption/budgets/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Consumption/budgets/read", result.Message);
    }
}
