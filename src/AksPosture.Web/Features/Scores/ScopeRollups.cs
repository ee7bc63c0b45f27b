using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Assessments;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Web.Features.Scores;

/// <summary>
/// Records the fleet's posture, and that of the subscriptions a run touched, as they stand once the run is in.
/// Combined with the engine's <see cref="ScoreRollup"/> rather than SQL averages, so a stored roll-up equals what
/// the engine would compute to the last rounding.
/// </summary>
internal static class ScopeRollups
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, Guid runId, IReadOnlyCollection<string> subscriptions, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var clusters = await LoadCurrentAsync(connection, cancellationToken);
        var rows = new List<(string Scope, PillarScores Scores, int Clusters)>
        {
            (ScopeScoreRollup.Fleet, ScoreRollup.Combine(clusters.Select(c => c.Scores)), clusters.Count),
        };
        var bySubscription = clusters.ToLookup(c => c.SubscriptionId);
        rows.AddRange(subscriptions.Distinct().Select(s =>
            (ScopeScoreRollup.ForSubscription(s), ScoreRollup.Combine(bySubscription[s].Select(c => c.Scores)), bySubscription[s].Count())));

        var scopes = new List<string>();
        var pillars = new List<string>();
        var scores = new List<double?>();
        var earned = new List<double>();
        var possible = new List<double>();
        var counts = new List<int>();
        foreach (var (scope, combined, count) in rows)
        {
            foreach (var rollup in ResultRecords.ToRollups(combined, runId, Guid.Empty))
            {
                scopes.Add(scope);
                pillars.Add(rollup.Pillar);
                scores.Add(rollup.Score);
                earned.Add(rollup.Earned);
                possible.Add(rollup.Possible);
                counts.Add(count);
            }
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO scope_score_rollups (run_id, scope, pillar, score, earned, possible, clusters, as_of)
            SELECT @run, s.scope, s.pillar, s.score, s.earned, s.possible, s.clusters, @as_of
            FROM unnest(@scopes, @pillars, @scores, @earned, @possible, @counts) AS s(scope, pillar, score, earned, possible, clusters)
            ON CONFLICT (run_id, scope, pillar) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("as_of", asOf);
        command.Parameters.AddWithValue("scopes", scopes.ToArray());
        command.Parameters.AddWithValue("pillars", pillars.ToArray());
        command.Parameters.Add(new NpgsqlParameter("scores", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = scores.Select(s => s is { } v ? (object)v : DBNull.Value).ToArray() });
        command.Parameters.AddWithValue("earned", earned.ToArray());
        command.Parameters.AddWithValue("possible", possible.ToArray());
        command.Parameters.AddWithValue("counts", counts.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every cluster that is not gone, with the scores of its latest run.</summary>
    private static async Task<List<(string SubscriptionId, PillarScores Scores)>> LoadCurrentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.id, c.subscription_id, r.pillar, r.score, r.earned, r.possible
            FROM clusters c
            JOIN pillar_score_rollups r ON r.run_id = c.latest_run_id AND r.cluster_id = c.id
            WHERE c.gone_at IS NULL
            ORDER BY c.id
            """, connection);
        var result = new List<(string, PillarScores)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? current = null;
        string subscription = "";
        var pillars = new Dictionary<Pillar, PillarScore>();
        double? overall = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (current != id)
            {
                Flush();
                current = id;
                subscription = reader.GetString(1);
                pillars = [];
                overall = null;
            }

            var score = reader.IsDBNull(3) ? (double?)null : reader.GetDouble(3);
            var key = reader.GetString(2);
            if (key == PillarScoreRollup.Overall)
            {
                overall = score;
            }
            else if (PillarNames.FromKey(key) is { } pillar)
            {
                pillars[pillar] = new PillarScore(score, reader.GetDouble(4), reader.GetDouble(5));
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (current is not null)
            {
                foreach (var pillar in PillarNames.All.Where(p => !pillars.ContainsKey(p)))
                {
                    pillars[pillar] = PillarScore.Empty;
                }

                result.Add((subscription, new PillarScores(pillars, overall)));
            }
        }
    }
}
