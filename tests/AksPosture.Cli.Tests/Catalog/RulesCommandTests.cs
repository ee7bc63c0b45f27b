using System.Text.Json;
using AksPosture.Engine.Rules;

namespace AksPosture.Cli.Tests.Catalog;

public class RulesCommandTests
{
    [Fact]
    public void RulesList_Json_ListsEveryRuleWithMetadata()
    {
        var run = CliRun.Of("rules", "list", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        var uptime = rules.Single(r => r.GetProperty("id").GetString() == "AKS-REL-08");
        Assert.Equal("reliability", uptime.GetProperty("pillar").GetString());
        Assert.False(string.IsNullOrWhiteSpace(uptime.GetProperty("remediation").GetString()));
        Assert.StartsWith("https://learn.microsoft.com/", uptime.GetProperty("learnMoreUrl").GetString());
    }

    [Fact]
    public void RulesList_Table_EndsWithCount()
    {
        var run = CliRun.Of("rules", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{RuleCatalog.All.Count} rules", run.Stdout);
    }
}
