using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>A rule: its metadata and a pure predicate over a snapshot.</summary>
public sealed class Rule(RuleDefinition definition, Func<Probe, Outcome> predicate)
{
    public RuleDefinition Definition { get; } = definition;

    /// <summary>Evaluates the rule; a rule that cannot read its data reports ERROR instead of throwing.</summary>
    public RuleResult Evaluate(ClusterSnapshot snapshot, AssessmentSettings settings)
    {
        var probe = new Probe(snapshot, settings);
        Outcome outcome;
        try
        {
            outcome = predicate(probe);
        }
        catch (UnreadableValueException ex)
        {
            outcome = new Outcome(RuleStatus.Error, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NullReferenceException)
        {
            outcome = new Outcome(RuleStatus.Error, $"The rule could not evaluate this cluster: {ex.Message}");
        }

        return new RuleResult(Definition.Id, Definition.Pillar, Definition.Severity, outcome.Status, outcome.Message, probe.Evidence)
        {
            CheckId = Definition.EffectiveCheckId,
            ObjectResults = outcome.Objects
                .Select(o => new RuleResult(Definition.Id, Definition.Pillar, Definition.Severity, o.Status, o.Message, o.Evidence)
                {
                    ObjectKey = o.ObjectKey,
                    CheckId = Definition.EffectiveCheckId,
                })
                .ToList(),
        };
    }
}
