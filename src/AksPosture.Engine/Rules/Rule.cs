using System.Reflection;
using System.Runtime.CompilerServices;
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
            outcome = EvaluateShared(probe, snapshot, settings);
        }
        catch (UnreadableValueException ex)
        {
            outcome = new Outcome(RuleStatus.Error, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NullReferenceException)
        {
            outcome = new Outcome(RuleStatus.Error, $"The rule could not evaluate this cluster: {ex.Message}");
        }

        return ToResult(outcome, probe);
    }

    // Rules of different seed items that share a check pass the same method: run it once per snapshot and
    // replay its verdict and evidence for the others. Lambdas are unique per rule and are simply evaluated.
    private Outcome EvaluateShared(Probe probe, ClusterSnapshot snapshot, AssessmentSettings settings)
    {
        if (Definition.CheckId is null)
        {
            return predicate(probe);
        }

        var key = (predicate.Method, predicate.Target, (object)settings);
        if (snapshot.CheckCache.TryGetValue(key, out var cached))
        {
            var check = (CachedCheck)cached;
            foreach (var item in check.Evidence)
            {
                probe.Note(item.Path, item.Value);
            }

            return check.Outcome;
        }

        var fresh = predicate(probe);
        snapshot.CheckCache[key] = new CachedCheck(fresh, [.. probe.Evidence]);
        return fresh;
    }

    private RuleResult ToResult(Outcome outcome, Probe probe)
    {
        var objectResults = outcome.Objects.Count == 0 ? [] : new RuleResult[outcome.Objects.Count];
        for (var i = 0; i < objectResults.Length; i++)
        {
            var finding = outcome.Objects[i];
            objectResults[i] = new RuleResult(Definition.Id, Definition.Pillar, Definition.Severity, finding.Status, finding.Message, finding.Evidence)
            {
                ObjectKey = finding.ObjectKey,
                CheckId = Definition.EffectiveCheckId,
            };
        }

        return new RuleResult(Definition.Id, Definition.Pillar, Definition.Severity, outcome.Status, outcome.Message, probe.Evidence)
        {
            CheckId = Definition.EffectiveCheckId,
            ObjectResults = objectResults,
        };
    }
}

internal sealed record CachedCheck(Outcome Outcome, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// Compares check cache keys (predicate method, its target, the settings) with the settings by reference: an
/// assessment passes one settings object to every rule, and comparing the record's many fields on every lookup
/// cost more than some of the checks it saves.
/// </summary>
internal sealed class CheckKeyComparer : IEqualityComparer<(MethodInfo Method, object? Target, object Settings)>
{
    public static CheckKeyComparer Instance { get; } = new();

    public bool Equals((MethodInfo Method, object? Target, object Settings) x, (MethodInfo Method, object? Target, object Settings) y) =>
        x.Method.Equals(y.Method) && ReferenceEquals(x.Target, y.Target) && ReferenceEquals(x.Settings, y.Settings);

    public int GetHashCode((MethodInfo Method, object? Target, object Settings) key) =>
        HashCode.Combine(key.Method, RuntimeHelpers.GetHashCode(key.Target), RuntimeHelpers.GetHashCode(key.Settings));
}
