using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Scores;

/// <summary>A cluster's scores from its latest assessed run.</summary>
public sealed record ClusterScores(Guid ClusterId, string SubscriptionId, bool IsSample, PillarScores Scores);

/// <summary>Reads the current scores from the rollups of each cluster's latest run, never from raw results.</summary>
public static class CurrentScores
{
    /// <summary><paramref name="clusters"/> is a query over <paramref name="db"/>, e.g. a team's selection.</summary>
    public static async Task<IReadOnlyList<ClusterScores>> LoadAsync(
        AppDbContext db, IQueryable<Cluster> clusters, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in clusters
                join r in db.PillarScoreRollups on c.LatestRunId equals r.RunId
                where r.ClusterId == c.Id
                select new { c.Id, c.SubscriptionId, c.IsSample, Rollup = r })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.Id)
            .Select(g => new ClusterScores(g.Key, g.First().SubscriptionId, g.First().IsSample, ResultRecords.ToScores(g.Select(r => r.Rollup))))
            .ToList();
    }
}
