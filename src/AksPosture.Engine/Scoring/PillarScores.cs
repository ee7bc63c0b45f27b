using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Scoring;

/// <summary>A pillar's score (0–100, or null when nothing in it was assessable) and the points behind it.</summary>
public sealed record PillarScore(double? Score, double Earned, double Possible)
{
    public static PillarScore Empty { get; } = new(null, 0, 0);
}

/// <summary>Scores for the five pillars and the overall score.</summary>
public sealed record PillarScores(IReadOnlyDictionary<Pillar, PillarScore> Pillars, double? Overall)
{
    public double? this[Pillar pillar] => Pillars.TryGetValue(pillar, out var score) ? score.Score : null;
}
