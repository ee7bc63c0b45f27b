using AksPosture.Web.Features.Teams;
using Npgsql;

namespace AksPosture.Web.Features.Scores;

/// <summary>
/// The trend of a set of clusters no stored roll-up describes (a team's share of the fleet or of a subscription): at
/// the last finished run of each day or week, every selected cluster that was not gone counts with its latest
/// roll-up from then, averaged per pillar as the stored roll-ups are (every cluster once, rounded to one decimal).
/// </summary>
internal static class TeamTrend
{
    /// <summary>A command with the columns TrendQueries reads: bucket, pillar, score, clusters, run id; it still needs @unit, @from and @to.</summary>
    public static NpgsqlCommand Command(ClusterSelection selection)
    {
        var command = new NpgsqlCommand($$"""
            WITH points AS (
                SELECT DISTINCT ON (bucket) date_trunc(@unit, a.finished_at, 'UTC') AS bucket, a.finished_at AS at, a.id AS run_id
                FROM assessment_runs a
                WHERE a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN @from AND @to
                ORDER BY bucket, a.finished_at DESC),
            visible AS (
                SELECT c.id, c.gone_at FROM clusters c WHERE {{selection.Condition("c")}}),
            spans AS (
                -- A cluster's roll-up stands from its run's finish until the cluster's next roll-up: one pass over each
                -- cluster's history rather than one search per point.
                SELECT r.cluster_id, r.run_id, a.finished_at AS since,
                       lead(a.finished_at) OVER (PARTITION BY r.cluster_id ORDER BY a.finished_at) AS until
                FROM visible v
                JOIN pillar_score_rollups r ON r.cluster_id = v.id AND r.pillar = 'overall'
                JOIN assessment_runs a ON a.id = r.run_id
                WHERE a.status IN ('succeeded', 'partial') AND a.finished_at <= @to),
            latest AS (
                SELECT p.bucket, p.run_id AS point_run, s.run_id, s.cluster_id
                FROM spans s
                JOIN points p ON s.since <= p.at AND (s.until IS NULL OR s.until > p.at)
                JOIN visible v ON v.id = s.cluster_id
                WHERE v.gone_at IS NULL OR v.gone_at > p.at)
            SELECT l.bucket, r.pillar, round(avg(r.score::numeric), 1)::float8, count(*)::int, l.point_run
            FROM latest l
            JOIN pillar_score_rollups r ON r.run_id = l.run_id AND r.cluster_id = l.cluster_id
            GROUP BY l.bucket, l.point_run, r.pillar
            """);
        selection.AddParameters(command);
        return command;
    }
}
