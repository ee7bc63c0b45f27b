using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Scoring;

/// <summary>Scores as a pure function of results (docs/scoring.md).</summary>
public static class ScoreCalculator
{
    public static PillarScores Score(IEnumerable<RuleResult> results)
    {
        var byPillar = CountedChecks(results)
            .GroupBy(c => c.Pillar)
            .ToDictionary(g => g.Key, g => ToScore(g.Sum(c => c.Weight * c.Credit), g.Sum(c => c.Weight)));
        var pillars = PillarNames.All.ToDictionary(p => p, p => byPillar.GetValueOrDefault(p, PillarScore.Empty));
        return new PillarScores(pillars, Mean(pillars.Values.Select(p => p.Score)));
    }

    /// <summary>
    /// How many points the pillar score (and the overall score) would rise if this finding passed, the
    /// "potential score increase" people use to pick what to fix first.
    /// </summary>
    public static (double Pillar, double Overall) PotentialIncrease(IReadOnlyList<RuleResult> results, RuleResult finding)
    {
        if (ScoringModel.Credit(finding.Status) is not { } credit || credit >= 1)
        {
            return (0, 0);
        }

        // Fixing the defect passes every counted result of the same check on the same object, in every pillar
        // it appears in; results that are not counted (NA, MANUAL, ERROR) stay out of the score.
        var after = results.Select(r => IsSameDefect(r, finding) ? r with { Status = RuleStatus.Pass } : r).ToList();
        var before = Score(results);
        var improved = Score(after);
        return (
            Math.Round((improved[finding.Pillar] ?? 0) - (before[finding.Pillar] ?? 0), 1, MidpointRounding.AwayFromZero),
            Math.Round((improved.Overall ?? 0) - (before.Overall ?? 0), 1, MidpointRounding.AwayFromZero));
    }

    private static bool IsSameDefect(RuleResult result, RuleResult finding) =>
        result.CheckId == finding.CheckId && result.ObjectKey == finding.ObjectKey && ScoringModel.Credit(result.Status).HasValue;

    internal static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Math.Round(present.Average(), 1, MidpointRounding.AwayFromZero);
    }

    // Rules of different seed items that share a check count once per pillar: the worst verdict, the highest weight.
    private static IEnumerable<CountedCheck> CountedChecks(IEnumerable<RuleResult> results) =>
        results
            .Where(r => !r.IsObjectResult && ScoringModel.Credit(r.Status).HasValue)
            .GroupBy(r => (r.Pillar, r.CheckId, r.ObjectKey))
            .Select(g => new CountedCheck(
                g.Key.Pillar,
                g.Max(r => ScoringModel.Weight(r.Severity)),
                g.Min(r => ScoringModel.Credit(r.Status)!.Value)));

    private static PillarScore ToScore(double earned, double possible) =>
        new(possible == 0 ? null : Math.Round(100 * earned / possible, 1, MidpointRounding.AwayFromZero), earned, possible);

    private sealed record CountedCheck(Pillar Pillar, double Weight, double Credit);
}
