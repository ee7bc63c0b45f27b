using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>Compares the pillar and overall scores, the numbers people read (not the points behind them).</summary>
public sealed class ScoresComparer : IEqualityComparer<PillarScores>
{
    public static ScoresComparer Instance { get; } = new();

    public bool Equals(PillarScores? x, PillarScores? y) =>
        x is not null && y is not null && x.Overall == y.Overall && PillarNames.All.All(p => x[p] == y[p]);

    public int GetHashCode(PillarScores obj) => HashCode.Combine(obj.Overall, obj[Pillar.Security]);
}
