using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Scores;

public enum TrendInterval
{
    Day,
    Week,
}

/// <summary>The scope's posture at the end of a day or week: its last roll-up in that bucket.</summary>
public sealed record TrendPoint(
    DateTimeOffset At,
    Guid RunId,
    double? Reliability,
    double? Security,
    double? CostOptimization,
    double? OperationalExcellence,
    double? PerformanceEfficiency,
    double? Overall,
    int Clusters);

/// <summary>
/// Trends from roll-ups only: a cluster from its per-run roll-ups; for administrators the fleet and subscriptions
/// from the stored scope roll-ups; for anyone else the fleet and subscriptions over their teams' clusters, from those
/// clusters' per-run roll-ups (<see cref="TeamTrend"/>).
/// </summary>
public sealed class TrendQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Points from <paramref name="from"/> (inclusive) to <paramref name="to"/> (inclusive), oldest first; null for an
    /// unknown subscription or cluster, or (to anyone but an administrator) one that holds none of their clusters.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>?> GetAsync(
        PortalUser user, ScoreScope scope, DateTimeOffset from, DateTimeOffset to, TrendInterval interval, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filter = scope.Kind == ScoreScopeKind.Subscription ? new ClusterFilter(SubscriptionId: scope.Id) : ClusterFilter.None;
        var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
        NpgsqlCommand command;
        switch (scope.Kind)
        {
            case ScoreScopeKind.Cluster:
                var clusterId = await selection.Clusters(db).Where(c => c.ArmIdKey == scope.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (clusterId is null)
                {
                    return null;
                }

                command = new NpgsqlCommand("""
                    SELECT DISTINCT ON (bucket, p.pillar) date_trunc(@unit, a.finished_at, 'UTC') AS bucket, p.pillar, p.score, 1, p.run_id
                    FROM pillar_score_rollups p
                    JOIN assessment_runs a ON a.id = p.run_id
                    WHERE p.cluster_id = @cluster AND a.status IN ('succeeded', 'partial') AND a.finished_at BETWEEN @from AND @to
                    ORDER BY bucket, p.pillar, a.finished_at DESC
                    """);
                command.Parameters.AddWithValue("cluster", clusterId.Value);
                break;
            case ScoreScopeKind.Subscription when !await (user.IsAdmin
                ? db.Subscriptions.AnyAsync(s => s.SubscriptionId == scope.Id, cancellationToken)
                : selection.Clusters(db).AnyAsync(cancellationToken)):
                return null;
            case ScoreScopeKind.Fleet or ScoreScopeKind.Subscription when !user.IsAdmin:
                command = TeamTrend.Command(selection);
                break;
            default:
                command = new NpgsqlCommand("""
                    SELECT DISTINCT ON (bucket, r.pillar) date_trunc(@unit, r.as_of, 'UTC') AS bucket, r.pillar, r.score, r.clusters, r.run_id
                    FROM scope_score_rollups r
                    WHERE r.scope = @scope AND r.as_of BETWEEN @from AND @to
                    ORDER BY bucket, r.pillar, r.as_of DESC, r.sequence DESC
                    """);
                command.Parameters.AddWithValue("scope", scope.Kind == ScoreScopeKind.Fleet ? ScopeScoreRollup.Fleet : ScopeScoreRollup.ForSubscription(scope.Id!));
                break;
        }

        await using (command)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            command.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            command.Parameters.AddWithValue("unit", interval == TrendInterval.Week ? "week" : "day");
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            return await ReadPointsAsync(command, cancellationToken);
        }
    }

    private static async Task<List<TrendPoint>> ReadPointsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var buckets = new SortedDictionary<DateTimeOffset, Dictionary<string, (double? Score, int Clusters, Guid RunId)>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var bucket = reader.GetFieldValue<DateTimeOffset>(0);
                if (!buckets.TryGetValue(bucket, out var pillars))
                {
                    buckets[bucket] = pillars = [];
                }

                pillars[reader.GetString(1)] = (reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetInt32(3), reader.GetGuid(4));
            }
        }

        return buckets.Select(b =>
        {
            double? Score(string key) => b.Value.TryGetValue(key, out var v) ? v.Score : null;
            var overall = b.Value.GetValueOrDefault(PillarScoreRollup.Overall);
            return new TrendPoint(
                b.Key, overall.RunId, Score(Pillar.Reliability.Key()), Score(Pillar.Security.Key()), Score(Pillar.CostOptimization.Key()),
                Score(Pillar.OperationalExcellence.Key()), Score(Pillar.PerformanceEfficiency.Key()), overall.Score, overall.Clusters);
        }).ToList();
    }
}
