using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Governance;

/// <summary>
/// The <c>adjusted</c> object of <c>GET /api/v1/scores</c>: the scores with approved exceptions and active attestations
/// applied (docs/scoring.md), over the scope's clusters that the caller may see, and how much was applied.
/// </summary>
public sealed record AdjustedScoresView(
    double? Reliability,
    double? Security,
    double? CostOptimization,
    double? OperationalExcellence,
    double? PerformanceEfficiency,
    double? Overall,
    int Clusters,
    int ClustersAdjusted,
    int ExceptionsApplied,
    int AttestationsApplied)
{
    public static AdjustedScoresView From(AdjustedScores scores)
    {
        var adjusted = scores.Adjusted;
        return new AdjustedScoresView(
            adjusted[Pillar.Reliability], adjusted[Pillar.Security], adjusted[Pillar.CostOptimization], adjusted[Pillar.OperationalExcellence],
            adjusted[Pillar.PerformanceEfficiency], adjusted.Overall, scores.Clusters, scores.ClustersAdjusted, scores.Excepted, scores.Attested);
    }
}
