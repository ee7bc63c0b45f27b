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

    private const string LatestRollups = """
        FROM clusters c
        JOIN pillar_score_rollups r ON r.run_id = c.latest_run_id AND r.cluster_id = c.id
        WHERE c.gone_at IS NULL AND {selection}
        """;

    // A cluster belongs to a team when its subscription is listed or it carries the team's tag (as ClusterSelection says).
    internal const string TeamMembership = """
        (c.subscription_id = ANY(t.subscription_ids)
         OR (t.tag_key IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_each_text(c.tags) tag
                                               WHERE lower(tag.key) = lower(t.tag_key) AND tag.value = coalesce(t.tag_value, ''))))
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
            SELECT t.id, {Sums}
            FROM teams t
            JOIN clusters c ON {TeamMembership}
            JOIN pillar_score_rollups r ON r.run_id = c.latest_run_id AND r.cluster_id = c.id
            WHERE c.gone_at IS NULL AND {"{selection}"}
            GROUP BY 1, 2
            """, cancellationToken);

    /// <summary>
    /// Per day or week, the mean of each selected cluster's last scores in that bucket (a cluster not assessed in a bucket
    /// is not in its point). Gone clusters count in the buckets they were assessed in.
    /// </summary>
    public static Task<Dictionary<DateTimeOffset, GroupScore>> TrendAsync(
        AppDbContext db, ClusterSelection selection, DateTimeOffset from, DateTimeOffset to, string unit, CancellationToken cancellationToken) =>
        ReadAsync<DateTimeOffset>(db, selection, """
            WITH latest AS (
                SELECT DISTINCT ON (bucket, p.cluster_id, p.pillar)
                       date_trunc(@unit, a.finished_at, 'UTC') AS bucket, p.pillar, p.score, p.earned, p.possible
                FROM clusters c
                JOIN pillar_score_rollups p ON p.cluster_id = c.id
                JOIN assessment_runs a ON a.id = p.run_id
                WHERE a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN @from AND @to AND {selection}
                ORDER BY bucket, p.cluster_id, p.pillar, a.finished_at DESC)
            SELECT r.bucket, r.pillar, sum(r.score::numeric), count(r.score), sum(r.earned), sum(r.possible), count(*)
            FROM latest r
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
