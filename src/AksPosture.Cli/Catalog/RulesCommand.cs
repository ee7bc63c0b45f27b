using System.Text.Json;
using AksPosture.Cli.Assess;
using AksPosture.Cli.Commands;
using AksPosture.Engine.Rules;

namespace AksPosture.Cli.Catalog;

internal static class RulesCommand
{
    private static readonly HashSet<string> Options = ["--format"];

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var commandLine = CommandLine.Parse(args, Options);
        if (commandLine.Positionals.Count > 0)
        {
            throw new UsageException($"rules list takes no arguments, got '{commandLine.Positionals[0]}'");
        }

        var format = commandLine.Option("--format") ?? "table";
        if (format == "markdown")
        {
            stdout.Write(RuleCatalogDocument.Render());
            return ExitCodes.Done;
        }

        var rules = RuleCatalog.All.Select(r => RuleEntry.From(r.Definition)).ToList();
        if (commandLine.Format("table") == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { ruleSetVersion = RuleCatalog.Version, rules }, ReportJson.Options));
            return ExitCodes.Done;
        }

        foreach (var rule in rules)
        {
            stdout.WriteLine($"{rule.Id,-12} {rule.Pillar,-22} {rule.Severity,-8} {rule.Automation,-9} {rule.Title}");
        }

        stdout.WriteLine($"{rules.Count} rules, rule set {RuleCatalog.Version}");
        return ExitCodes.Done;
    }
}

internal sealed record RuleEntry(
    string Id,
    string Pillar,
    string Severity,
    string Scope,
    string Automation,
    string Title,
    string Rationale,
    string Remediation,
    string? RemediationCommand,
    string? RemediationProperty,
    string? LearnMoreUrl,
    string SeedReference,
    IReadOnlyList<string> Lineage)
{
    public static RuleEntry From(RuleDefinition d) => new(
        d.Id, d.Pillar.Key(), d.Severity.ToString().ToLowerInvariant(), d.Scope.ToString(), d.Automation.ToString(),
        d.Title, d.Rationale, d.Remediation, d.RemediationCommand, d.RemediationProperty, d.LearnMoreUrl, d.SeedReference, d.Lineage);
}
