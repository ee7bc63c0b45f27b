using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-ADV-01: one finding per Advisor category; the cluster verdict is the worst of them.</summary>
public class AdvisorRuleTests
{
    private const string Rule = "AKS-ADV-01";

    private static readonly string[] CategoryKeys =
        ["advisor/HighAvailability", "advisor/Security", "advisor/Cost", "advisor/OperationalExcellence", "advisor/Performance"];

    [Fact]
    public void Advisor_MediumAndLowImpactOpen_WarnsPerCategory()
    {
        var result = AzureDataCase.For().With("advisorRecommendations").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(CategoryKeys, result.ObjectResults.Select(o => o.ObjectKey));
        Assert.Equal(
            [RuleStatus.Warn, RuleStatus.Pass, RuleStatus.Warn, RuleStatus.Pass, RuleStatus.Pass],
            result.ObjectResults.Select(o => o.Status));
        Assert.Contains(new Evidence("azure.advisorRecommendations[HighAvailability]", "Medium"), result.Evidence);
        Assert.Contains(new Evidence("advisor/Cost: 4b1a6c2d-0000-0000-0000-000000000002", "Low: Scale set nodes could use a reservation"), result.ObjectResults[2].Evidence);
    }

    [Fact]
    public void Advisor_HighImpactOpen_Fails()
    {
        var result = AzureDataCase.For().With("advisorRecommendations")
            .Edit("advisorRecommendations", d => d["value"]![0]!["properties"]!["impact"] = "High")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(RuleStatus.Fail, result.ObjectResults.Single(o => o.ObjectKey == "advisor/HighAvailability").Status);
        Assert.Equal(RuleStatus.Warn, result.ObjectResults.Single(o => o.ObjectKey == "advisor/Cost").Status);
    }

    [Fact]
    public void Advisor_NothingOpen_PassForEveryCategory()
    {
        var result = AzureDataCase.For().With("advisorRecommendations", JsonNode.Parse("""{ "value": [] }""")).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal(CategoryKeys, result.ObjectResults.Select(o => o.ObjectKey));
        Assert.All(result.ObjectResults, o => Assert.Equal(RuleStatus.Pass, o.Status));
    }

    [Fact]
    public void Advisor_SameRecommendationFromBothQueries_CountsOnce()
    {
        var result = AzureDataCase.For().With("advisorRecommendations")
            .Edit("advisorRecommendations", d => d["value"]!.AsArray().Add(d["value"]![0]!.DeepClone()))
            .Evaluate(Rule);

        Assert.Contains("2 Advisor recommendation(s)", result.Message);
    }

    [Fact]
    public void Advisor_NotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Empty(result.ObjectResults);
    }

    [Fact]
    public void Advisor_CollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("advisorRecommendations", "AuthorizationFailed", "Microsoft.Advisor/recommendations/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
