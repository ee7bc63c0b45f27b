using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Rules;

/// <summary>The catalog page's filters; an empty filter shows every rule.</summary>
public sealed record RuleFilter(Pillar? Pillar = null, Severity? Severity = null, RuleScope? Scope = null, Automation? Automation = null, string? Text = null)
{
    public IEnumerable<RuleDefinition> Apply(IEnumerable<RuleDefinition> rules) => rules.Where(r =>
        (Pillar is null || r.Pillar == Pillar) &&
        (Severity is null || r.Severity == Severity) &&
        (Scope is null || r.Scope == Scope) &&
        (Automation is null || r.Automation == Automation) &&
        (string.IsNullOrWhiteSpace(Text) ||
         r.Id.Contains(Text, StringComparison.OrdinalIgnoreCase) ||
         r.Title.Contains(Text, StringComparison.OrdinalIgnoreCase)));
}
