using System.Linq.Expressions;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Fleet;

/// <summary>What the fleet overview shows, for one user under one filter, aggregated in SQL from each cluster's latest rollups.</summary>
public sealed class FleetQueries(
    IDbContextFactory<AppDbContext> dbFactory, TrendQueries trends, AggregatedTrends aggregated, PageMemo memo, TimeProvider time)
{
    /// <summary>How far back the overview's trend reaches, in weeks.</summary>
    public const int TrendWeeks = 12;

    public const int TopCount = 10;

    public async Task<FleetOverview> GetOverviewAsync(PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SelectedClusters selected;
        string stamp;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            selected = await SelectedClusters.ForAsync(db, user, filter, cancellationToken);
            stamp = await PageMemo.StampAsync(db, selected, TrendFrom(now), now, cancellationToken);
        }

        return await memo.GetAsync(stamp, () => ReadOverviewAsync(selected, now, cancellationToken));
    }

    private async Task<FleetOverview> ReadOverviewAsync(SelectedClusters selected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var selection = selected.Selection;

        // The stored trend (the fleet, one subscription), the most failed rules (a fold of every open finding), the cluster
        // list's first page and the rest of the page each take a connection of their own, so the database reads them at once.
        var trend = selected.StoredScope is null
            ? Task.FromResult<IReadOnlyList<ScorePoint>?>(null)
            : ReadAsync<IReadOnlyList<ScorePoint>?>(async db => await TrendAsync(db, selected, now, cancellationToken), cancellationToken);
        var rules = ReadAsync(async db => FindingCounts.MostFailed(await FindingCounts.RulesAsync(db, selection, cancellationToken), TopCount), cancellationToken);
        var clusters = ReadAsync(db => ClusterPageAsync(db, selection, ClusterListRequest.First, cancellationToken), cancellationToken);
        var rest = ReadAsync(async db =>
        {
            var scores = await selected.ScoresAsync(db, cancellationToken);
            var subscriptions = selected.StoredScope == ScoreScope.Fleet
                ? await StoredSubscriptionRowsAsync(db, cancellationToken)
                : await SubscriptionRowsAsync(db, selection, cancellationToken);
            var teams = await TeamRowsAsync(db, selection, cancellationToken);
            var worst = await WorstClustersAsync(db, selection, TopCount, cancellationToken);
            var hasSample = await selection.Clusters(db).AnyAsync(c => c.IsSample && c.GoneAt == null && c.LatestRunId != null, cancellationToken);
            var lastRun = await db.AssessmentRuns.AsNoTracking()
                .Where(r => r.Status == RunStatus.Succeeded || r.Status == RunStatus.Partial)
                .OrderByDescending(r => r.FinishedAt)
                .Select(r => new { r.RuleSetVersion, r.FinishedAt })
                .FirstOrDefaultAsync(cancellationToken);
            return (Scores: scores, Subscriptions: subscriptions, Teams: teams, Worst: worst, HasSample: hasSample, RuleSet: lastRun?.RuleSetVersion, LastRunAt: lastRun?.FinishedAt);
        }, cancellationToken);

        await Task.WhenAll(trend, rules, clusters, rest);
        var page = await rest;
        return new FleetOverview(
            page.Scores.Scores, page.Scores.Clusters, page.HasSample, await trend, page.Subscriptions, page.Teams, page.Worst, await rules,
            page.RuleSet, page.LastRunAt, await clusters);
    }

    /// <summary>The overview's trend: the last <see cref="TrendWeeks"/> weeks, oldest first.</summary>
    public async Task<IReadOnlyList<ScorePoint>> GetTrendAsync(PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TrendAsync(db, await SelectedClusters.ForAsync(db, user, filter, cancellationToken), time.GetUtcNow(), cancellationToken);
    }

    private Task<IReadOnlyList<ScorePoint>> TrendAsync(AppDbContext db, SelectedClusters selected, DateTimeOffset now, CancellationToken cancellationToken) =>
        selected.TrendAsync(db, trends, aggregated, TrendFrom(now), now, TrendInterval.Week, cancellationToken);

    private static DateTimeOffset TrendFrom(DateTimeOffset now) => now.AddDays(-7 * TrendWeeks);

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await read(db);
    }

    /// <summary>Each team's scores over the clusters the user may see.</summary>
    public async Task<IReadOnlyList<TeamScoreRow>> GetTeamScoresAsync(PortalUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TeamRowsAsync(db, await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken), cancellationToken);
    }

    /// <summary>Sorts and pages in the database, so a large fleet never loads whole.</summary>
    public async Task<ClusterListPage> GetClustersAsync(PortalUser user, ClusterFilter filter, ClusterListRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ClusterPageAsync(db, await ClusterSelection.ForAsync(db, user, filter, cancellationToken), request, cancellationToken);
    }

    private static async Task<ClusterListPage> ClusterPageAsync(AppDbContext db, ClusterSelection selection, ClusterListRequest request, CancellationToken cancellationToken)
    {
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

    private static async Task<List<SubscriptionScoreRow>> SubscriptionRowsAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var scores = await GroupScores.BySubscriptionAsync(db, selection, cancellationToken);
        var ids = scores.Keys.ToList();
        var names = await db.Subscriptions.AsNoTracking().Where(s => ids.Contains(s.SubscriptionId))
            .ToDictionaryAsync(s => s.SubscriptionId, s => s.DisplayName, cancellationToken);
        return scores
            .Select(s => new SubscriptionScoreRow(s.Key, names.GetValueOrDefault(s.Key, s.Key), s.Value.Scores, s.Value.Clusters))
            .OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    // The whole fleet: each subscription's latest stored roll-up, one index probe per subscription on (scope, as_of).
    private static async Task<List<SubscriptionScoreRow>> StoredSubscriptionRowsAsync(AppDbContext db, CancellationToken cancellationToken)
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

    private static async Task<List<TeamScoreRow>> TeamRowsAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var scores = await GroupScores.ByTeamAsync(db, selection, cancellationToken);
        var ids = scores.Keys.ToList();
        var names = await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        return scores
            .Select(s => new TeamScoreRow(s.Key, names.GetValueOrDefault(s.Key, ""), s.Value.Scores, s.Value.Clusters))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static async Task<List<WorstClusterRow>> WorstClustersAsync(AppDbContext db, ClusterSelection selection, int count, CancellationToken cancellationToken)
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, """
            SELECT c.id, c.name, coalesce(s.display_name, c.subscription_id), c.environment, r.score
            FROM clusters c
            CROSS JOIN LATERAL (SELECT p.score FROM pillar_score_rollups p
                                WHERE p.run_id = c.latest_run_id AND p.cluster_id = c.id AND p.pillar = 'overall' OFFSET 0) r
            LEFT JOIN subscriptions s ON s.subscription_id = c.subscription_id
            WHERE c.gone_at IS NULL AND r.score IS NOT NULL AND {selection}
            ORDER BY r.score, c.name COLLATE "C", c.id
            LIMIT @count
            """, cancellationToken);
        command.Parameters.AddWithValue("count", count);
        var rows = new List<WorstClusterRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new WorstClusterRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetDouble(4)));
        }

        return rows;
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
