using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Subscriptions;

/// <summary>
/// One check as a cluster's score counts it in one pillar: the rules sharing the check count once, with the highest
/// weight and the lowest credit among them (docs/scoring.md, "one check, one count").
/// </summary>
public sealed record CountedCheck(Pillar Pillar, string CheckId, double Weight, double Credit)
{
    /// <summary>Folds a cluster's cluster-level results into counted checks; NA, MANUAL and ERROR are not counted.</summary>
    public static IReadOnlyList<CountedCheck> From(IEnumerable<(Pillar Pillar, string CheckId, Severity Severity, RuleStatus Status)> results) =>
        results
            .Where(r => ScoringModel.Credit(r.Status).HasValue)
            .GroupBy(r => (r.Pillar, r.CheckId))
            .Select(g => new CountedCheck(
                g.Key.Pillar, g.Key.CheckId, g.Max(r => ScoringModel.Weight(r.Severity)), g.Min(r => ScoringModel.Credit(r.Status)!.Value)))
            .ToList();
}

/// <summary>A pillar's (or the overall) sum of cluster scores and how many clusters had one: what a group's mean is made of.</summary>
public readonly record struct ScoreSum(decimal Sum, long Count);

/// <summary>
/// The potential score increase of passing a check, with the engine's scoring model: the score if the check passed
/// minus the score now, for one cluster and for a group of clusters (a subscription, a team) whose score is the mean
/// of its clusters' scores.
/// </summary>
public static class ScoreGain
{
    /// <summary>A cluster's scores once <paramref name="passing"/> pass: each check's weight earns full credit.</summary>
    public static PillarScores AfterPassing(PillarScores current, IEnumerable<CountedCheck> passing)
    {
        var pillars = current.Pillars.ToDictionary(p => p.Key, p => p.Value);
        foreach (var check in passing)
        {
            var pillar = pillars.GetValueOrDefault(check.Pillar) ?? PillarScore.Empty;
            var earned = pillar.Earned + check.Weight * (1 - check.Credit);
            pillars[check.Pillar] = new PillarScore(Percent(earned, pillar.Possible), earned, pillar.Possible);
        }

        return new PillarScores(pillars, Mean(pillars.Values.Select(p => p.Score)));
    }

    /// <summary>What passing the checks adds to one cluster's <paramref name="pillar"/> score and overall score.</summary>
    public static (double Pillar, double Overall) ForCluster(PillarScores current, IReadOnlyList<CountedCheck> passing, Pillar pillar)
    {
        var after = AfterPassing(current, passing);
        return (Difference(after[pillar], current[pillar]), Difference(after.Overall, current.Overall));
    }

    /// <summary>
    /// What the changes of some clusters (their scores before and after) add to a group's <paramref name="pillar"/> and overall
    /// scores, given the group's sums of cluster scores now.
    /// </summary>
    public static (double Pillar, double Overall) ForGroup(
        ScoreSum pillarSum, ScoreSum overallSum, IReadOnlyList<(PillarScores Before, PillarScores After)> changes, Pillar pillar)
    {
        var pillarAfter = Replace(pillarSum, changes.Select(c => (c.Before[pillar], c.After[pillar])));
        var overallAfter = Replace(overallSum, changes.Select(c => (c.Before.Overall, c.After.Overall)));
        return (Difference(MeanOf(pillarAfter), MeanOf(pillarSum)), Difference(MeanOf(overallAfter), MeanOf(overallSum)));
    }

    /// <summary>The mean of a group's cluster scores, exact and rounded to one decimal half away from zero, as the engine rounds.</summary>
    public static double? MeanOf(ScoreSum sum) =>
        sum.Count == 0 ? null : (double)Math.Round(sum.Sum / sum.Count, 1, MidpointRounding.AwayFromZero);

    private static ScoreSum Replace(ScoreSum sum, IEnumerable<(double? Before, double? After)> changes)
    {
        foreach (var (before, after) in changes)
        {
            if (before is { } old)
            {
                sum = new ScoreSum(sum.Sum - (decimal)old, sum.Count - 1);
            }

            if (after is { } now)
            {
                sum = new ScoreSum(sum.Sum + (decimal)now, sum.Count + 1);
            }
        }

        return sum;
    }

    private static double? Percent(double earned, double possible) =>
        possible == 0 ? null : Math.Round(100 * earned / possible, 1, MidpointRounding.AwayFromZero);

    private static double? Mean(IEnumerable<double?> scores) =>
        MeanOf(scores.Where(s => s.HasValue).Aggregate(new ScoreSum(0, 0), (sum, s) => new ScoreSum(sum.Sum + (decimal)s!.Value, sum.Count + 1)));

    private static double Difference(double? after, double? before) =>
        Math.Round((after ?? 0) - (before ?? 0), 1, MidpointRounding.AwayFromZero);
}
