using System.Globalization;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Subscriptions;
using AksPosture.Web.Features.Teams;
using Npgsql;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// A group's scores and how many assessed clusters it holds; <paramref name="Sums"/> (by pillar key and <c>overall</c>)
/// are the sums of cluster scores behind each mean, when aggregated here.
/// </summary>
public sealed record GroupScore(PillarScores Scores, int Clusters, IReadOnlyDictionary<string, ScoreSum>? Sums = null)
{
    public ScoreSum SumOf(string pillar) => Sums?.GetValueOrDefault(pillar) ?? default;
}

/// <summary>
/// Scores of groups of clusters (the selection, each subscription, each team) from the rollups of each cluster's latest
/// run, aggregated in SQL. A group's score is the engine's roll-up — the mean of its clusters' scores, rounded half away
/// from zero — computed from exact sums, so 10,000 clusters never leave the database.
/// </summary>
internal static class GroupScores
{
    // The aggregate columns every group query returns after its key, and the rows they aggregate.
    private const string Sums = "r.pillar, sum(r.score::numeric), count(r.score), sum(r.earned), sum(r.possible), count(*)";

    // Each cluster's rollups are read through the primary key (run, cluster): OFFSET 0 keeps the lateral subquery a
    // probe per selected cluster, where a join would read every rollup of the run and discard most.
    private const string RollupsOf = """
        CROSS JOIN LATERAL (SELECT p.pillar, p.score, p.earned, p.possible FROM pillar_score_rollups p
                            WHERE p.run_id = {0} AND p.cluster_id = {1} OFFSET 0) r
        """;

    private static readonly string LatestRollups = $"""
        FROM clusters c
        {string.Format(CultureInfo.InvariantCulture, RollupsOf, "c.latest_run_id", "c.id")}
        WHERE c.gone_at IS NULL AND c.latest_run_id IS NOT NULL AND {"{selection}"}
        """;

    /// <summary>
    /// <c>team_members(team_id, cluster_id, latest_run_id)</c> over the selected clusters that are not gone: a cluster belongs
    /// to a team when its subscription is listed or it carries the team's tag (tag names compared case-insensitively, as
    /// ClusterSelection does). Tags are unnested once and matched by hash, not once per team and cluster.
    /// </summary>
    internal const string TeamMembers = """
        selected AS (
            SELECT c.id, c.subscription_id, c.latest_run_id, c.tags FROM clusters c
            WHERE c.gone_at IS NULL AND c.latest_run_id IS NOT NULL AND {selection}),
        team_members AS (
            SELECT t.id AS team_id, s.id AS cluster_id, s.latest_run_id
            FROM teams t JOIN selected s ON s.subscription_id = ANY(t.subscription_ids)
            UNION
            SELECT t.id, s.id, s.latest_run_id
            FROM selected s
            CROSS JOIN LATERAL jsonb_each_text(s.tags) tag
            JOIN teams t ON lower(t.tag_key) = lower(tag.key) AND coalesce(t.tag_value, '') = tag.value)
        """;

    public static async Task<GroupScore> OfSelectionAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var groups = await ReadAsync<string>(db, selection, $"SELECT ''::text, {Sums} {LatestRollups} GROUP BY r.pillar", cancellationToken);
        return groups.GetValueOrDefault("") ?? Empty;
    }

    public static Task<Dictionary<string, GroupScore>> BySubscriptionAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken) =>
        ReadAsync<string>(db, selection, $"SELECT c.subscription_id, {Sums} {LatestRollups} GROUP BY 1, 2", cancellationToken);

    public static Task<Dictionary<Guid, GroupScore>> ByTeamAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken) =>
        ReadAsync<Guid>(db, selection, $"""
            WITH {TeamMembers}
            SELECT m.team_id, {Sums}
            FROM team_members m
            {string.Format(CultureInfo.InvariantCulture, RollupsOf, "m.latest_run_id", "m.cluster_id")}
            GROUP BY 1, 2
            """, cancellationToken);

    /// <summary>
    /// Per day or week, the mean of each selected cluster's last scores in that bucket. Only the last run of each scope
    /// (the fleet, a subscription, a tag filter; every import on its own) in a bucket is read, so a quarter of daily
    /// fleet runs reads 13 runs' rollups, not 91. A cluster none of those runs assessed is not in that bucket's point;
    /// gone clusters count in the buckets they were assessed in. The last run is chosen per cluster (a run writes all of a
    /// cluster's pillars) before its rollups are read, so only clusters × buckets are sorted, not every pillar row as well.
    /// </summary>
    public static Task<Dictionary<DateTimeOffset, GroupScore>> TrendAsync(
        AppDbContext db, ClusterSelection selection, DateTimeOffset from, DateTimeOffset to, string unit, CancellationToken cancellationToken) =>
        ReadAsync<DateTimeOffset>(db, selection, $$"""
            WITH runs AS (
                SELECT DISTINCT ON (bucket, coalesce(a.scope, a.id::text))
                       a.id, date_trunc(@unit, a.finished_at, 'UTC') AS bucket, a.finished_at
                FROM assessment_runs a
                WHERE a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN @from AND @to
                ORDER BY bucket, coalesce(a.scope, a.id::text), a.finished_at DESC),
            latest AS (
                SELECT DISTINCT ON (x.bucket, c.id) x.bucket, x.id AS run_id, c.id AS cluster_id
                FROM clusters c
                CROSS JOIN runs x
                WHERE {selection}
                  AND EXISTS (SELECT FROM pillar_score_rollups p WHERE p.run_id = x.id AND p.cluster_id = c.id OFFSET 0)
                ORDER BY x.bucket, c.id, x.finished_at DESC)
            SELECT l.bucket, r.pillar, sum(r.score::numeric), count(r.score), sum(r.earned), sum(r.possible), count(*)
            FROM latest l
            {{string.Format(CultureInfo.InvariantCulture, RollupsOf, "l.run_id", "l.cluster_id")}}
            GROUP BY 1, 2
            """, cancellationToken, command =>
        {
            command.Parameters.AddWithValue("unit", unit);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
        });

    public static GroupScore Empty { get; } = new(ScoreRollup.Combine([]), 0);

    private static async Task<Dictionary<TKey, GroupScore>> ReadAsync<TKey>(
        AppDbContext db, ClusterSelection selection, string sql, CancellationToken cancellationToken, Action<NpgsqlCommand>? parameters = null)
        where TKey : notnull
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, sql, cancellationToken);
        parameters?.Invoke(command);
        var groups = new Dictionary<TKey, List<(string Pillar, ScoreSum Sum, double Earned, double Possible, int Clusters)>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = reader.GetFieldValue<TKey>(0);
                if (!groups.TryGetValue(key, out var rows))
                {
                    groups[key] = rows = [];
                }

                var sum = new ScoreSum(reader.IsDBNull(2) ? 0 : reader.GetDecimal(2), reader.GetInt64(3));
                rows.Add((reader.GetString(1), sum, reader.GetDouble(4), reader.GetDouble(5), (int)reader.GetInt64(6)));
            }
        }

        return groups.ToDictionary(g => g.Key, g => ToGroupScore(g.Value));
    }

    private static GroupScore ToGroupScore(List<(string Pillar, ScoreSum Sum, double Earned, double Possible, int Clusters)> rows)
    {
        var pillars = PillarNames.All.ToDictionary(
            p => p,
            p => rows.FirstOrDefault(r => r.Pillar == p.Key()) is { Pillar: not null } row
                ? new PillarScore(ScoreGain.MeanOf(row.Sum), row.Earned, row.Possible)
                : PillarScore.Empty);
        var overall = rows.FirstOrDefault(r => r.Pillar == PillarScoreRollup.Overall);
        return new GroupScore(new PillarScores(pillars, ScoreGain.MeanOf(overall.Sum)), overall.Clusters, rows.ToDictionary(r => r.Pillar, r => r.Sum));
    }
}
