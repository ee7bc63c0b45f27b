using System.Text;
using AksPosture.Engine.Assessment;

namespace AksPosture.Engine.Rules;

/// <summary>
/// Renders the catalog reference (docs/rules.md) from the rules themselves, so the documentation cannot drift from
/// the code: a test compares this output with the committed file.
/// </summary>
public static class RuleCatalogDocument
{
    public const string RegenerateCommand = "dotnet run --project src/AksPosture.Cli -- rules list --format markdown > docs/rules.md";

    public static string Render(IReadOnlyList<Rule>? rules = null)
    {
        rules ??= RuleCatalog.All;
        var text = new StringBuilder();
        text.AppendLine("# Rule catalog");
        text.AppendLine();
        text.AppendLine($"Rule set `{RuleCatalog.Version}`: {rules.Count} rules. This file is generated from the code (`{RegenerateCommand}`);");
        text.AppendLine("a test fails when it is out of date. Statuses, weights and how shared checks count are in [scoring.md](scoring.md).");
        text.AppendLine();
        WriteCounts(text, rules);
        foreach (var pillar in PillarNames.All)
        {
            WritePillar(text, pillar, rules.Where(r => r.Definition.Pillar == pillar).Select(r => r.Definition).ToList());
        }

        WriteSettings(text, AssessmentSettings.Default);
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void WriteCounts(StringBuilder text, IReadOnlyList<Rule> rules)
    {
        text.AppendLine("| Pillar | Rules | Automated | Partly automated | Manual |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var pillar in PillarNames.All)
        {
            var inPillar = rules.Where(r => r.Definition.Pillar == pillar).Select(r => r.Definition).ToList();
            text.AppendLine($"| {pillar.DisplayName()} | {inPillar.Count} | {Count(inPillar, Automation.Automated)} | {Count(inPillar, Automation.Partial)} | {Count(inPillar, Automation.Manual)} |");
        }

        var all = rules.Select(r => r.Definition).ToList();
        text.AppendLine($"| **All** | **{all.Count}** | **{Count(all, Automation.Automated)}** | **{Count(all, Automation.Partial)}** | **{Count(all, Automation.Manual)}** |");
        text.AppendLine();
    }

    private static void WritePillar(StringBuilder text, Pillar pillar, IReadOnlyList<RuleDefinition> rules)
    {
        text.AppendLine($"## {pillar.DisplayName()}");
        text.AppendLine();
        text.AppendLine("| Id | Title | Severity | Scope | Automation | Counted as check |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var d in rules)
        {
            text.AppendLine($"| [{d.Id}](#{d.Id.ToLowerInvariant()}) | {Cell(d.Title)} | {d.Severity} | {d.Scope} | {d.Automation} | `{d.EffectiveCheckId}` |");
        }

        text.AppendLine();
        foreach (var d in rules)
        {
            WriteRule(text, d);
        }
    }

    private static void WriteRule(StringBuilder text, RuleDefinition d)
    {
        text.AppendLine($"### {d.Id}");
        text.AppendLine();
        text.AppendLine($"**{d.Title}** — {d.Severity}, {d.Scope}, {d.Automation}. From: {d.SeedReference}.");
        text.AppendLine();
        text.AppendLine($"*Why:* {d.Rationale}");
        text.AppendLine();
        text.AppendLine($"*Fix:* {d.Remediation}");
        if (d.RemediationCommand is { } command)
        {
            text.AppendLine();
            text.AppendLine($"`{command}`");
        }

        if (d.RemediationProperty is { } property)
        {
            text.AppendLine();
            text.AppendLine($"*Property:* `{property}`");
        }

        if (d.Lineage.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"*Lineage:* {string.Join("; ", d.Lineage)}");
        }

        if (d.LearnMoreUrl is { } url)
        {
            text.AppendLine();
            text.AppendLine($"*Learn more:* <{url}>");
        }

        text.AppendLine();
    }

    private static void WriteSettings(StringBuilder text, AssessmentSettings s)
    {
        text.AppendLine("## Context and settings defaults");
        text.AppendLine();
        text.AppendLine("Rules that depend on what a cluster is for read it from a context file first (`aksposture assess --context context.json`,");
        text.AppendLine("or the portal's `Assessment:ContextFile`), then from Azure tags with these keys. Truthy tag values: true, yes, y, 1,");
        text.AppendLine("high, critical, mission-critical, required; falsy: false, no, n, 0, low, none, not-required.");
        text.AppendLine();
        text.AppendLine("| Setting | Default |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| `EnvironmentTagKeys` | {List(s.EnvironmentTagKeys)} |");
        text.AppendLine($"| `ProductionValues` | {List(s.ProductionValues)} |");
        text.AppendLine($"| `NonProductionValues` | {List(s.NonProductionValues)} |");
        text.AppendLine($"| `CriticalTagKeys` | {List(s.CriticalTagKeys)} |");
        text.AppendLine($"| `RegulatedTagKeys` (any non-falsy value, e.g. `pci-dss`, counts) | {List(s.RegulatedTagKeys)} |");
        text.AppendLine($"| `PrivateApiRequiredTagKeys` | {List(s.PrivateApiRequiredTagKeys)} |");
        text.AppendLine($"| `EgressControlRequiredTagKeys` | {List(s.EgressControlRequiredTagKeys)} |");
        text.AppendLine($"| `WorkloadTagKeys` | {List(s.WorkloadTagKeys)} |");
        text.AppendLine($"| `SystemNamespaces` (excluded from workload rules) | {List(s.SystemNamespaces)} |");
        text.AppendLine("| `MinimumKubernetesVersion` | the oldest minor AKS supports on the assessment date (built-in AKS release calendar) |");
        text.AppendLine($"| `CoverageThreshold` | {s.CoverageThreshold:0.##} |");
        text.AppendLine($"| `AutoscaledWorkloadThreshold` | {s.AutoscaledWorkloadThreshold:0.##} |");
        text.AppendLine($"| `MaxNodePools` | {s.MaxNodePools} |");
        text.AppendLine($"| `AllowedRegistries` | {List(s.AllowedRegistries)} |");
        text.AppendLine($"| `LargeImageBytes` | {s.LargeImageBytes} |");
        text.AppendLine($"| `MaxClusterAdminBindings` | {s.MaxClusterAdminBindings} |");
    }

    private static int Count(IEnumerable<RuleDefinition> rules, Automation automation) => rules.Count(r => r.Automation == automation);

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"`{v}`"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
