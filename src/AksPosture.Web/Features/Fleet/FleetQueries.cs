using System.Linq.Expressions;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Fleet;

/// <summary>What the fleet overview shows, read from score rollups of each cluster's latest run.</summary>
public sealed class FleetQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<FleetOverview> GetOverviewAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clusters = await CurrentScores.LoadAsync(db, _ => true, cancellationToken);
        var names = await db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.SubscriptionId, s => s.DisplayName, cancellationToken);
        var subscriptions = clusters
            .GroupBy(c => c.SubscriptionId)
            .Select(g => new SubscriptionScoreRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), ScoreRollup.Combine(g.Select(c => c.Scores)), g.Count()))
            .OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var lastRun = await db.AssessmentRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded || r.Status == RunStatus.Partial)
            .OrderByDescending(r => r.FinishedAt)
            .Select(r => new { r.RuleSetVersion, r.FinishedAt })
            .FirstOrDefaultAsync(cancellationToken);

        return new FleetOverview(
            ScoreRollup.Combine(clusters.Select(c => c.Scores)),
            clusters.Count,
            clusters.Any(c => c.IsSample),
            subscriptions,
            lastRun?.RuleSetVersion,
            lastRun?.FinishedAt);
    }

    /// <summary>Sorts and pages in the database, so a large fleet never loads whole.</summary>
    public async Task<ClusterListPage> GetClustersAsync(ClusterListRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessed = db.Clusters.AsNoTracking().Where(c => c.LatestRunId != null);
        var total = await assessed.CountAsync(cancellationToken);
        var page = await Sort(db, assessed, request)
            .Skip(request.Page * request.PageSize)
            .Take(request.PageSize)
            .Select(c => new { c.Id, c.Name, c.SubscriptionId, SubscriptionName = c.Subscription!.DisplayName, c.Environment, c.IsSample, c.LatestRunId })
            .ToListAsync(cancellationToken);

        var ids = page.Select(c => c.Id).ToList();
        var runIds = page.Select(c => c.LatestRunId!.Value).Distinct().ToList();
        var rollups = (await db.PillarScoreRollups.AsNoTracking()
                .Where(r => ids.Contains(r.ClusterId) && runIds.Contains(r.RunId))
                .ToListAsync(cancellationToken))
            .ToLookup(r => (r.ClusterId, r.RunId));

        var rows = page.Select(c => new ClusterScoreRow(
                c.Id, c.Name, c.SubscriptionId, c.SubscriptionName, c.Environment, c.IsSample,
                ResultRecords.ToScores(rollups[(c.Id, c.LatestRunId!.Value)])))
            .ToList();
        return new ClusterListPage(rows, total);
    }

    private static IQueryable<Cluster> Sort(AppDbContext db, IQueryable<Cluster> clusters, ClusterListRequest request)
    {
        var key = request.SortBy ?? "name";
        var sorted = key switch
        {
            "name" => Order(clusters, c => c.Name, request.Descending),
            "subscription" => Order(clusters, c => c.Subscription!.DisplayName, request.Descending),
            "environment" => Order(clusters, c => c.Environment, request.Descending),
            _ => Order(
                clusters,
                c => db.PillarScoreRollups
                    .Where(r => r.RunId == c.LatestRunId && r.ClusterId == c.Id && r.Pillar == key)
                    .Select(r => r.Score)
                    .FirstOrDefault(),
                request.Descending),
        };
        return sorted.ThenBy(c => c.Name).ThenBy(c => c.Id);
    }

    private static IOrderedQueryable<Cluster> Order<TKey>(IQueryable<Cluster> clusters, Expression<Func<Cluster, TKey>> key, bool descending) =>
        descending ? clusters.OrderByDescending(key) : clusters.OrderBy(key);
}
