using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Assessment;

/// <summary>One cluster's results and scores.</summary>
public sealed record ClusterAssessment(ClusterSnapshot Snapshot, IReadOnlyList<RuleResult> Results, PillarScores Scores);

/// <summary>Runs the rule catalog over snapshots. Pure: no I/O, no clock.</summary>
public static class ClusterAssessor
{
    public static ClusterAssessment Assess(ClusterSnapshot snapshot, AssessmentSettings? settings = null, IReadOnlyList<Rule>? rules = null)
    {
        // Pin "today" once per cluster, so every rule judges dates against the same day.
        settings ??= AssessmentSettings.Default;
        if (settings.AsOf is null)
        {
            settings = settings with { AsOf = DateOnly.FromDateTime(DateTime.UtcNow) };
        }

        // Object results follow their rule's cluster-level result, so a report lists them together.
        rules ??= RuleCatalog.All;
        var evaluated = new RuleResult[rules.Count];
        var count = 0;
        for (var i = 0; i < evaluated.Length; i++)
        {
            evaluated[i] = rules[i].Evaluate(snapshot, settings);
            count += 1 + evaluated[i].ObjectResults.Count;
        }

        var results = new List<RuleResult>(count);
        foreach (var result in evaluated)
        {
            results.Add(result);
            results.AddRange(result.ObjectResults);
        }

        return new ClusterAssessment(snapshot, results, ScoreCalculator.Score(results));
    }
}
