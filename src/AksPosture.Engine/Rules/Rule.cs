using System.Reflection;
using System.Runtime.CompilerServices;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>A rule: its metadata and a pure predicate over a snapshot.</summary>
public sealed class Rule(RuleDefinition definition, Func<Probe, Outcome> predicate)
{
    // A rule records about as many values for one cluster as for the last: starting the evidence list at that
    // size saves regrowing it for every cluster.
    private int _expectedEvidence = 4;

    public RuleDefinition Definition { get; } = definition;

    /// <summary>Evaluates the rule; a rule that cannot read its data reports ERROR instead of throwing.</summary>
    public RuleResult Evaluate(ClusterSnapshot snapshot, AssessmentSettings settings)
    {
        // Rules of different seed items that share a check pass the same method: it runs once per snapshot and
        // the others replay its verdict and evidence. Lambdas are unique per rule and are simply evaluated.
        (MethodInfo, object?, object)? sharedKey = Definition.CheckId is null ? null : (predicate.Method, predicate.Target, settings);
        if (sharedKey is { } key && snapshot.CheckCache.TryGetValue(key, out var cached))
        {
            var check = (CachedCheck)cached;
            return ToResult(check.Outcome, check.Evidence);
        }

        var probe = new Probe(snapshot, settings, _expectedEvidence);
        Outcome outcome;
        try
        {
            outcome = predicate(probe);
            if (sharedKey is { } fresh)
            {
                // The evidence list is complete once the predicate returns; results only read it, so it is shared.
                snapshot.CheckCache[fresh] = new CachedCheck(outcome, probe.Evidence);
            }
        }
        catch (UnreadableValueException ex)
        {
            outcome = new Outcome(RuleStatus.Error, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or NullReferenceException)
        {
            outcome = new Outcome(RuleStatus.Error, $"The rule could not evaluate this cluster: {ex.Message}");
        }

        _expectedEvidence = Math.Max(probe.Evidence.Count, 1);
        return ToResult(outcome, probe.Evidence);
    }

    private RuleResult ToResult(Outcome outcome, IReadOnlyList<Evidence> evidence)
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

        return new RuleResult(Definition.Id, Definition.Pillar, Definition.Severity, outcome.Status, outcome.Message, evidence)
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
