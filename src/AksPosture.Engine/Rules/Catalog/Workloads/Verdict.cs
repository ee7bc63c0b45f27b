namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Combines the parts of a rule that reads several sources. A defect proven by data that was read wins (FAIL, then
/// WARN), so a missing source never hides it; otherwise a part whose data is missing decides (ERROR before NA), so
/// missing data never yields PASS; only when every part was read does the rule's own PASS / MANUAL verdict apply.
/// Object findings are kept whatever the verdict.
/// </summary>
internal sealed class Verdict
{
    private readonly List<string> _failures = [];
    private readonly List<string> _warnings = [];
    private readonly List<ObjectFinding> _objects = [];
    private Outcome? _missing;

    public void Fail(string reason) => _failures.Add(reason);

    public void Warn(string reason) => _warnings.Add(reason);

    public void Objects(IEnumerable<ObjectFinding> findings) => _objects.AddRange(findings);

    /// <summary>Records the verdict of a part whose data is missing; a collection failure outranks data never collected.</summary>
    public void Missing(Outcome outcome)
    {
        if (_missing is null || (_missing.Value.Status != RuleStatus.Error && outcome.Status == RuleStatus.Error))
        {
            _missing = outcome;
        }
    }

    public bool HasDefect => _failures.Count > 0 || _warnings.Count > 0;

    public Outcome Decide(Func<Outcome> whenComplete)
    {
        var outcome = _failures.Count > 0 ? new Outcome(RuleStatus.Fail, WithMissing(RuleText.Sentence(_failures.Concat(_warnings))))
            : _warnings.Count > 0 ? new Outcome(RuleStatus.Warn, WithMissing(RuleText.Sentence(_warnings)))
            : _missing ?? whenComplete();
        return outcome with { Objects = [.. outcome.Objects, .. _objects] };
    }

    private string WithMissing(string message) => _missing is { } missing ? $"{message} {missing.Message}" : message;
}
