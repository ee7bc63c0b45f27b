using System.Text.RegularExpressions;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules;

public class RuleCatalogTests
{
    // Every id here has status tests under Rules/Catalog; a rule added to the catalog must be added here with its tests.
    private static readonly string[] TestedRuleIds =
    [
        "AKS-REL-03", "AKS-REL-04", "AKS-REL-07", "AKS-REL-08", "AKS-REL-09", "AKS-REL-13",
        "AKS-POL-03", "AKS-POL-04", "AKS-POL-08",
        "AKS-SEC-07", "AKS-SEC-08", "AKS-SEC-10", "AKS-SEC-11", "AKS-SEC-12", "AKS-SEC-13", "AKS-SEC-14",
        "AKS-COST-01", "AKS-COST-06", "AKS-COST-09", "AKS-COST-10", "AKS-COST-13",
        "AKS-OPS-01", "AKS-OPS-05", "AKS-OPS-07", "AKS-OPS-08",
        "AKS-PERF-02", "AKS-PERF-03", "AKS-PERF-04", "AKS-PERF-05", "AKS-PERF-06",
    ];

    [Fact]
    public void All_EveryRule_HasTests()
    {
        Assert.Equal(TestedRuleIds.Order(), RuleCatalog.All.Select(r => r.Definition.Id).Order());
    }

    [Fact]
    public void All_Size_AtLeastTwelveRulesAndTwoPerPillar()
    {
        Assert.True(RuleCatalog.All.Count >= 12, $"{RuleCatalog.All.Count} rules");
        foreach (var pillar in PillarNames.All)
        {
            Assert.True(RuleCatalog.All.Count(r => r.Definition.Pillar == pillar) >= 2, $"fewer than two rules in {pillar}");
        }
    }

    [Fact]
    public void All_Ids_AreUniqueAndWellFormed()
    {
        var ids = RuleCatalog.All.Select(r => r.Definition.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(new Regex(@"^AKS-(REL|SEC|COST|OPS|PERF|POL|ADV)-\d{2}$"), id));
    }

    [Fact]
    public void All_Metadata_IsComplete()
    {
        Assert.All(RuleCatalog.All.Select(r => r.Definition), d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Title), $"{d.Id} title");
            Assert.False(string.IsNullOrWhiteSpace(d.Rationale), $"{d.Id} rationale");
            Assert.False(string.IsNullOrWhiteSpace(d.Remediation), $"{d.Id} remediation");
            Assert.False(string.IsNullOrWhiteSpace(d.SeedReference), $"{d.Id} seed reference");
            Assert.True(Uri.TryCreate(d.LearnMoreUrl, UriKind.Absolute, out var url) && url.Scheme == "https", $"{d.Id} Learn URL '{d.LearnMoreUrl}'");
            Assert.Equal("learn.microsoft.com", url!.Host);
        });
    }

    [Fact]
    public void All_Order_IsPillarThenNumericId()
    {
        var reliability = RuleCatalog.All.Where(r => r.Definition.Pillar == Pillar.Reliability).Select(r => r.Definition.Id);

        Assert.Equal(["AKS-REL-03", "AKS-REL-04", "AKS-REL-07", "AKS-REL-08", "AKS-REL-09", "AKS-REL-13"], reliability);
        Assert.Equal(RuleCatalog.All.Select(r => r.Definition.Pillar).Order(), RuleCatalog.All.Select(r => r.Definition.Pillar));
    }

    [Theory]
    [InlineData("uptime-sla", new[] { "AKS-REL-04", "AKS-REL-08" })]
    [InlineData("azure-policy-addon", new[] { "AKS-OPS-05", "AKS-OPS-08", "AKS-SEC-14" })]
    [InlineData("node-autoscaling", new[] { "AKS-COST-09", "AKS-PERF-02", "AKS-PERF-05", "AKS-PERF-06" })]
    public void All_SharedChecks_GroupTheSeedItemsOfOneCheck(string checkId, string[] ruleIds)
    {
        var sharing = RuleCatalog.All.Where(r => r.Definition.EffectiveCheckId == checkId).Select(r => r.Definition.Id).Order();

        Assert.Equal(ruleIds, sharing);
    }

    [Fact]
    public void Find_IdInAnyCase_ReturnsTheRule()
    {
        Assert.Equal("AKS-SEC-11", RuleCatalog.Find("aks-sec-11")?.Definition.Id);
        Assert.Null(RuleCatalog.Find("AKS-SEC-99"));
    }

    [Fact]
    public void RuleIdComparer_Numbers_CompareNumerically()
    {
        Assert.True(RuleIdComparer.Instance.Compare("AKS-SEC-2", "AKS-SEC-10") < 0);
        Assert.True(RuleIdComparer.Instance.Compare("AKS-COST-13", "AKS-REL-03") < 0);
        Assert.Equal(0, RuleIdComparer.Instance.Compare("AKS-OPS-05", "AKS-OPS-05"));
    }
}
