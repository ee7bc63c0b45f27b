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
            latest AS (
                SELECT p.bucket, p.run_id AS point_run, l.run_id, c.id AS cluster_id
                FROM points p
                CROSS JOIN clusters c
                CROSS JOIN LATERAL (
                    SELECT r.run_id FROM pillar_score_rollups r JOIN assessment_runs a ON a.id = r.run_id
                    WHERE r.cluster_id = c.id AND r.pillar = 'overall' AND a.status IN ('succeeded', 'partial') AND a.finished_at <= p.at
                    ORDER BY a.finished_at DESC LIMIT 1) l
                WHERE {{selection.Condition("c")}} AND (c.gone_at IS NULL OR c.gone_at > p.at))
            SELECT l.bucket, r.pillar, round(avg(r.score::numeric), 1)::float8, count(*)::int, l.point_run
            FROM latest l
            JOIN pillar_score_rollups r ON r.run_id = l.run_id AND r.cluster_id = l.cluster_id
            GROUP BY l.bucket, l.point_run, r.pillar
            """);
        selection.AddParameters(command);
        return command;
    }
}
