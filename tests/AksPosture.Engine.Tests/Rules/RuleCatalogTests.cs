using System.Text.RegularExpressions;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules;

public class RuleCatalogTests
{
    [Fact]
    public void All_EveryRule_HasTests()
    {
        // The rule tests live beside this file's project; every rule id must be named in one of them.
        var testSources = Directory.EnumerateFiles(TestProjectFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("RuleCatalogTests.cs"))
            .Select(File.ReadAllText)
            .ToList();

        var untested = RuleCatalog.All.Select(r => r.Definition.Id).Where(id => !testSources.Any(source => source.Contains($"\"{id}\""))).ToList();

        Assert.Empty(untested);
    }

    private static string TestProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AksPosture.Engine.Tests.csproj")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The test project folder was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void All_EveryGuideAndPolicyItem_HasItsRule()
    {
        // The spec maps every item of the guide to an id: REL 1–14, SEC 1–18, COST 1–13, OPS 1–9, PERF 1–8, POL 1–14, ADV 1.
        var expected = new[] { ("REL", 14), ("SEC", 18), ("COST", 13), ("OPS", 9), ("PERF", 8), ("POL", 14), ("ADV", 1) }
            .SelectMany(group => Enumerable.Range(1, group.Item2).Select(n => $"AKS-{group.Item1}-{n:D2}"))
            .ToList();
        var ids = RuleCatalog.All.Select(r => r.Definition.Id).ToHashSet();

        Assert.Equal(77, expected.Count);
        var missing = expected.Where(id => !ids.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"no rule for {string.Join(", ", missing)}");
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
        var reliability = RuleCatalog.All.Where(r => r.Definition.Pillar == Pillar.Reliability).Select(r => r.Definition.Id).ToList();

        Assert.True(reliability.IndexOf("AKS-REL-03") < reliability.IndexOf("AKS-REL-13"), "AKS-REL-03 sorts before AKS-REL-13");
        Assert.True(reliability.IndexOf("AKS-REL-09") < reliability.IndexOf("AKS-REL-13"), "AKS-REL-09 sorts before AKS-REL-13");
        Assert.Equal(RuleCatalog.All.Select(r => r.Definition.Pillar).Order(), RuleCatalog.All.Select(r => r.Definition.Pillar));
    }

    [Theory]
    [InlineData("uptime-sla", new[] { "AKS-REL-04", "AKS-REL-08" })]
    [InlineData("azure-policy-addon", new[] { "AKS-OPS-05", "AKS-OPS-08", "AKS-SEC-14" })]
    [InlineData("node-autoscaling", new[] { "AKS-COST-04", "AKS-COST-09", "AKS-PERF-02", "AKS-PERF-05", "AKS-PERF-06" })]
    [InlineData("availability-zones", new[] { "AKS-REL-01", "AKS-REL-09" })]
    [InlineData("probes", new[] { "AKS-POL-01", "AKS-REL-02" })]
    [InlineData("resource-limits", new[] { "AKS-POL-14", "AKS-REL-10" })]
    [InlineData("pod-security", new[] { "AKS-POL-09", "AKS-POL-10", "AKS-SEC-15" })]
    [InlineData("diagnostics", new[] { "AKS-OPS-03", "AKS-POL-06" })]
    [InlineData("gitops", new[] { "AKS-OPS-02", "AKS-POL-05" })]
    [InlineData("defender", new[] { "AKS-POL-02", "AKS-SEC-18" })]
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
