namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// Collects what the parts of a rule found and decides in the catalog's order: a failure decided from data
/// wins; otherwise missing data gives its NA / ERROR; otherwise warnings; otherwise the rule's own verdict.
/// </summary>
internal sealed class Findings
{
    private readonly List<string> _failures = [];
    private readonly List<string> _warnings = [];
    private Outcome? _missing;

    public void Fail(string finding) => _failures.Add(finding);

    public void Warn(string finding) => _warnings.Add(finding);

    /// <summary>Keeps the most serious missing-data verdict: a failed collection (ERROR) over an uncollected set (NA).</summary>
    public void Missing(Outcome outcome)
    {
        if (_missing is null || (outcome.Status == RuleStatus.Error && _missing.Value.Status != RuleStatus.Error))
        {
            _missing = outcome;
        }
    }

    public Outcome Decide(Func<Outcome> otherwise)
    {
        if (_failures.Count > 0)
        {
            return Probe.Fail(RuleText.Sentence(_failures) + Also());
        }

        if (_missing is { } missing)
        {
            return missing with { Message = missing.Message + Also() };
        }

        return _warnings.Count > 0 ? Probe.Warn(RuleText.Sentence(_warnings)) : otherwise();
    }

    private string Also() => _warnings.Count == 0 ? "" : " Also: " + RuleText.Sentence(_warnings);
}
