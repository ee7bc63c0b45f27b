using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Scoring;

/// <summary>
/// Rolls cluster scores up to a subscription, a team or the fleet: every cluster counts once, whatever its
/// size or rule count, so one large cluster cannot hide many poor small ones.
/// </summary>
public static class ScoreRollup
{
    public static PillarScores Combine(IEnumerable<PillarScores> clusters)
    {
        var list = clusters.ToList();
        var pillars = PillarNames.All.ToDictionary(
            p => p,
            p => new PillarScore(
                ScoreCalculator.Mean(list.Select(c => c[p])),
                list.Sum(c => c.Pillars.TryGetValue(p, out var s) ? s.Earned : 0),
                list.Sum(c => c.Pillars.TryGetValue(p, out var s) ? s.Possible : 0)));
        return new PillarScores(pillars, ScoreCalculator.Mean(list.Select(c => c.Overall)));
    }
}
