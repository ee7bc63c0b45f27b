using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Scores;

/// <summary>Reads the latest roll-up of the fleet or of a subscription.</summary>
internal static class ScopeScores
{
    public static async Task<(PillarScores Scores, int Clusters)?> LatestAsync(AppDbContext db, string scope, CancellationToken cancellationToken)
    {
        var runId = await db.ScopeScoreRollups.AsNoTracking()
            .Where(r => r.Scope == scope)
            .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Sequence)
            .Select(r => (Guid?)r.RunId)
            .FirstOrDefaultAsync(cancellationToken);
        if (runId is null)
        {
            return null;
        }

        var rows = await db.ScopeScoreRollups.AsNoTracking().Where(r => r.RunId == runId && r.Scope == scope).ToListAsync(cancellationToken);
        return (ToScores(rows), rows.Max(r => r.Clusters));
    }

    public static PillarScores ToScores(IEnumerable<ScopeScoreRollup> rows) =>
        ResultRecords.ToScores(rows.Select(r => new PillarScoreRollup { Pillar = r.Pillar, Score = r.Score, Earned = r.Earned, Possible = r.Possible }));
}
