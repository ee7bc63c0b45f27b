using System.Linq.Expressions;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// What the fleet overview shows, read from score rollups of each cluster's latest run, over the clusters the user may
/// see: administrators read the stored fleet and subscription roll-ups; anyone else gets them computed over the
/// clusters of their teams, since the stored ones include clusters they may not see.
/// </summary>
public sealed class FleetQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>For administrators a handful of rows, however large the fleet or long its history.</summary>
    public async Task<FleetOverview> GetOverviewAsync(PortalUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        var fleet = user.IsAdmin ? await ScopeScores.LatestAsync(db, ScopeScoreRollup.Fleet, cancellationToken) : null;
        var (scores, clusters, subscriptions) = fleet is { } latest
            ? (latest.Scores, latest.Clusters, await SubscriptionRollupsAsync(db, cancellationToken))
            : await ComputeAsync(db, selection, cancellationToken);
        var hasSample = await selection.Clusters(db).AnyAsync(c => c.IsSample && c.GoneAt == null && c.LatestRunId != null, cancellationToken);
        var lastRun = await db.AssessmentRuns.AsNoTracking()
            .Where(r => r.Status == RunStatus.Succeeded || r.Status == RunStatus.Partial)
            .OrderByDescending(r => r.FinishedAt)
            .Select(r => new { r.RuleSetVersion, r.FinishedAt })
            .FirstOrDefaultAsync(cancellationToken);

        return new FleetOverview(scores, clusters, hasSample, subscriptions, lastRun?.RuleSetVersion, lastRun?.FinishedAt);
    }

    /// <summary>Sorts and pages in the database, so a large fleet never loads whole.</summary>
    public async Task<ClusterListPage> GetClustersAsync(PortalUser user, ClusterListRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        var assessed = selection.Clusters(db).AsNoTracking().Where(c => c.LatestRunId != null && c.GoneAt == null);
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

    // Each subscription's latest roll-up: one index probe per subscription on (scope, as_of).
    private static async Task<List<SubscriptionScoreRow>> SubscriptionRollupsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT s.subscription_id, s.display_name, r.pillar, r.score, r.earned, r.possible, r.clusters
            FROM subscriptions s
            CROSS JOIN LATERAL (
                SELECT x.run_id FROM scope_score_rollups x
                WHERE x.scope = 'subscription:' || s.subscription_id
                ORDER BY x.as_of DESC, x.sequence DESC LIMIT 1) latest
            JOIN scope_score_rollups r ON r.run_id = latest.run_id AND r.scope = 'subscription:' || s.subscription_id
            WHERE r.clusters > 0
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        var rows = new List<(string Id, string Name, ScopeScoreRollup Rollup)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), new ScopeScoreRollup
                {
                    Scope = "", Pillar = reader.GetString(2), Score = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    Earned = reader.GetDouble(4), Possible = reader.GetDouble(5), Clusters = reader.GetInt32(6),
                }));
            }
        }

        return rows.GroupBy(r => (r.Id, r.Name))
            .Select(g => new SubscriptionScoreRow(g.Key.Id, g.Key.Name, ScopeScores.ToScores(g.Select(r => r.Rollup)), g.Max(r => r.Rollup.Clusters)))
            .OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // For a team's clusters, or before the first run with roll-ups (an installation upgraded in place): from each
    // cluster's latest rollups.
    private static async Task<(PillarScores, int, List<SubscriptionScoreRow>)> ComputeAsync(
        AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var clusters = await CurrentScores.LoadAsync(db, selection.Clusters(db).Where(c => c.GoneAt == null), cancellationToken);
        var ids = clusters.Select(c => c.SubscriptionId).Distinct().ToList();
        var names = await db.Subscriptions.AsNoTracking()
            .Where(s => ids.Contains(s.SubscriptionId))
            .ToDictionaryAsync(s => s.SubscriptionId, s => s.DisplayName, cancellationToken);
        var subscriptions = clusters
            .GroupBy(c => c.SubscriptionId)
            .Select(g => new SubscriptionScoreRow(g.Key, names.GetValueOrDefault(g.Key, g.Key), ScoreRollup.Combine(g.Select(c => c.Scores)), g.Count()))
            .OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return (ScoreRollup.Combine(clusters.Select(c => c.Scores)), clusters.Count, subscriptions);
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
