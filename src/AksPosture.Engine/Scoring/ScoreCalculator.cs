using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Scoring;

/// <summary>Scores as a pure function of results (docs/scoring.md).</summary>
public static class ScoreCalculator
{
    public static PillarScores Score(IEnumerable<RuleResult> results)
    {
        var earned = new double[PillarNames.All.Count];
        var possible = new double[PillarNames.All.Count];
        foreach (var check in CountedChecks(results))
        {
            earned[(int)check.Pillar] += check.Weight * check.Credit;
            possible[(int)check.Pillar] += check.Weight;
        }

        var pillars = PillarNames.All.ToDictionary(p => p, p => ToScore(earned[(int)p], possible[(int)p]));
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

    // Averaged in decimal: scores have one decimal, so the mean is exact and a true half (63.05) rounds up, where a
    // sum of doubles (378.29999…) would round it down depending on the order the clusters were added in.
    internal static double? Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => (decimal)v!.Value).ToList();
        return present.Count == 0 ? null : (double)Math.Round(present.Average(), 1, MidpointRounding.AwayFromZero);
    }

    // Rules of different seed items that share a check count once per pillar: the worst verdict, the highest weight.
    private static List<CountedCheck> CountedChecks(IEnumerable<RuleResult> results)
    {
        // Checks in the order they first appear, found by check id: plain string keys hash far faster than
        // (pillar, id) pairs. The few checks counted in several pillars chain their other pillars' entries.
        var checks = new List<CountedCheck>(RuleCatalog.All.Count);
        var firstByCheck = new Dictionary<string, int>(RuleCatalog.All.Count);
        foreach (var result in results)
        {
            if (result.IsObjectResult || ScoringModel.Credit(result.Status) is not { } credit)
            {
                continue;
            }

            var weight = ScoringModel.Weight(result.Severity);
            if (!firstByCheck.TryGetValue(result.CheckId, out var i))
            {
                firstByCheck[result.CheckId] = checks.Count;
                checks.Add(new CountedCheck(result.Pillar, weight, credit));
                continue;
            }

            while (checks[i].Pillar != result.Pillar && checks[i].NextPillar >= 0)
            {
                i = checks[i].NextPillar;
            }

            if (checks[i].Pillar == result.Pillar)
            {
                checks[i] = checks[i] with { Weight = Math.Max(checks[i].Weight, weight), Credit = Math.Min(checks[i].Credit, credit) };
            }
            else
            {
                checks[i] = checks[i] with { NextPillar = checks.Count };
                checks.Add(new CountedCheck(result.Pillar, weight, credit));
            }
        }

        return checks;
    }

    private static PillarScore ToScore(double earned, double possible) =>
        new(possible == 0 ? null : Math.Round(100 * earned / possible, 1, MidpointRounding.AwayFromZero), earned, possible);

    private readonly record struct CountedCheck(Pillar Pillar, double Weight, double Credit)
    {
        /// <summary>The entry of the same check in another pillar, or -1.</summary>
        public int NextPillar { get; init; } = -1;
    }
}
