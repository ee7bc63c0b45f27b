using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Web.Features.Governance;

/// <summary>
/// Keeps <c>adjusted_score_rollups</c> in step, inside the caller's transaction, so a decision and the scores it changes
/// become visible together: after a run finishes (its clusters), when an exception is approved, revoked or lapses (the
/// clusters it reaches), and when an attestation is recorded, revoked or lapses (its cluster). Only those clusters'
/// results are read, and only their cluster-level ones unless an object or namespace exception applies; a cluster nothing
/// changes has no row and its adjusted score is its raw score.
/// </summary>
public static class AdjustedScoreStore
{
    // Recomputations take turns, so one never overwrites a newer one's rows with older inputs.
    private const long LockKey = 0x414B_5350_4144_4A; // "AKSP" "ADJ"

    private const int ChunkSize = 500;

    /// <summary>Recomputes the clusters of a run that just finished (called by the run's finishing transaction).</summary>
    public static async Task AfterRunAsync(AppDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        // Rows computed on the clusters' previous runs are stale now, whatever applies.
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM adjusted_score_rollups a USING clusters c
            WHERE c.id = a.cluster_id AND c.latest_run_id = {runId} AND a.run_id <> {runId}
            """, cancellationToken);
        var clusters = await ClusterIdsAsync(db, $"""
            SELECT c.id FROM clusters c
            WHERE c.latest_run_id = @run
              AND (EXISTS (SELECT 1 FROM rule_exceptions e WHERE e.status = 'approved' AND e.expires_at > @now AND {Reaches("e", "c")})
                   OR EXISTS (SELECT 1 FROM attestations a WHERE a.cluster_id = c.id AND a.status = 'active' AND a.expires_at > @now))
            """, command =>
        {
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("now", now);
        }, cancellationToken);
        await ComputeAndWriteAsync(db, clusters, now, cancellationToken);
    }

    /// <summary>Recomputes the assessed clusters one exception reaches; returns how many end up adjusted.</summary>
    public static async Task<int> AfterExceptionChangeAsync(AppDbContext db, Guid exceptionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        var clusters = await ClusterIdsAsync(db, $"""
            SELECT c.id FROM rule_exceptions e JOIN clusters c ON {Reaches("e", "c")}
            WHERE e.id = @exception AND c.latest_run_id IS NOT NULL
            """, command => command.Parameters.AddWithValue("exception", exceptionId), cancellationToken);
        return await ComputeAndWriteAsync(db, clusters, now, cancellationToken);
    }

    /// <summary>Recomputes clusters named by id (an attestation's cluster).</summary>
    public static async Task<int> RecomputeAsync(AppDbContext db, IReadOnlyCollection<Guid> clusterIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        return await ComputeAndWriteAsync(db, clusterIds, now, cancellationToken);
    }

    /// <summary>Recomputes every cluster whose stored adjustment has expired or belongs to an older run; returns how many.</summary>
    public static async Task<int> RecomputeStaleAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await LockAsync(db, cancellationToken);
        var clusters = await ClusterIdsAsync(db, """
            SELECT a.cluster_id FROM adjusted_score_rollups a JOIN clusters c ON c.id = a.cluster_id
            WHERE a.valid_until <= @now OR c.latest_run_id IS DISTINCT FROM a.run_id
            """, command => command.Parameters.AddWithValue("now", now), cancellationToken);
        await ComputeAndWriteAsync(db, clusters, now, cancellationToken);
        return clusters.Count;
    }

    /// <summary>SQL: exception <paramref name="e"/> reaches cluster <paramref name="c"/> (fleet-wide, by tag, or by id).</summary>
    private static string Reaches(string e, string c) => $"""
        ({e}.scope = 'rule' OR {e}.cluster_id = {c}.id
         OR ({e}.scope = 'tag' AND EXISTS (SELECT 1 FROM jsonb_each_text({c}.tags) t WHERE lower(t.key) = {e}.tag_key AND t.value = {e}.tag_value)))
        """;

    private static Task LockAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

    private static async Task<int> ComputeAndWriteAsync(AppDbContext db, IReadOnlyCollection<Guid> clusterIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (clusterIds.Count == 0)
        {
            return 0;
        }

        var exceptions = await AdjustedScoreInputs.ActiveExceptionsAsync(db, now, cancellationToken);
        var adjusted = 0;
        foreach (var chunk in clusterIds.Distinct().Chunk(ChunkSize))
        {
            var computed = await AdjustedScoreInputs.ComputeAsync(db, chunk, exceptions, now, cancellationToken);
            var kept = computed.Where(c => c.Adjusted.IsAdjusted).ToList();
            await WriteAsync(db, chunk, kept, now, cancellationToken);
            adjusted += kept.Count;
        }

        return adjusted;
    }

    // Replaces the chunk's rows: clusters nothing applies to any more lose theirs.
    private static async Task WriteAsync(AppDbContext db, Guid[] chunk, List<AdjustedClusterScores> kept, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM adjusted_score_rollups WHERE cluster_id = ANY({chunk})", cancellationToken);
        if (kept.Count == 0)
        {
            return;
        }

        var rows = kept.SelectMany(k => ResultRecords.ToRollups(k.Adjusted.Scores, k.RunId, k.ClusterId).Select(r => (k, r))).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO adjusted_score_rollups (cluster_id, pillar, run_id, score, earned, possible, excepted, attested, valid_until, computed_at)
            SELECT s.cluster_id, s.pillar, s.run_id, s.score, s.earned, s.possible, s.excepted, s.attested, s.valid_until, @now
            FROM unnest(@clusters, @pillars, @runs, @scores, @earned, @possible, @excepted, @attested, @valid_until)
                 AS s(cluster_id, pillar, run_id, score, earned, possible, excepted, attested, valid_until)
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("clusters", rows.Select(x => x.k.ClusterId).ToArray());
        command.Parameters.AddWithValue("pillars", rows.Select(x => x.r.Pillar).ToArray());
        command.Parameters.AddWithValue("runs", rows.Select(x => x.k.RunId).ToArray());
        command.Parameters.Add(new NpgsqlParameter("scores", NpgsqlDbType.Array | NpgsqlDbType.Double)
        {
            Value = rows.Select(x => x.r.Score is { } v ? (object)v : DBNull.Value).ToArray(),
        });
        command.Parameters.AddWithValue("earned", rows.Select(x => x.r.Earned).ToArray());
        command.Parameters.AddWithValue("possible", rows.Select(x => x.r.Possible).ToArray());
        command.Parameters.AddWithValue("excepted", rows.Select(x => x.k.Adjusted.Excepted).ToArray());
        command.Parameters.AddWithValue("attested", rows.Select(x => x.k.Adjusted.Attested).ToArray());
        command.Parameters.AddWithValue("valid_until", rows.Select(x => x.k.Adjusted.ValidUntil!.Value).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<Guid>> ClusterIdsAsync(AppDbContext db, string sql, Action<NpgsqlCommand> parameters, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        parameters(command);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids.ToList();
    }
}
