using AksPosture.Web.Data;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Scores;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>What finishing needs to know about a run.</summary>
internal sealed record FinishingRun(Guid Id, string? Scope, DateTimeOffset StartedAt, int Total, int Assessed, int Failed)
{
    public RunStatus Outcome => Assessed == 0 && Total > 0 ? RunStatus.Failed
        : Failed > 0 ? RunStatus.Partial
        : RunStatus.Succeeded;
}

/// <summary>
/// The one transaction that makes a run visible: its staged results join <c>rule_results</c>, its clusters point at
/// it, clusters its scope no longer holds are marked gone, findings move through their lifecycle and the fleet and
/// subscription roll-ups are recorded. Readers see all of it at commit, or none of it.
/// </summary>
internal static class RunFinisher
{
    // Finishing transactions take turns, so runs of overlapping scopes never interleave lifecycle merges.
    private const long FinishLockKey = 0x414B_5350_4649_4E; // "AKSP" "FIN"

    /// <summary>Runs inside the caller's transaction on <paramref name="db"/>; returns the run's final status.</summary>
    public static async Task<RunStatus> FinishAsync(AppDbContext db, FinishingRun run, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FinishLockKey})", cancellationToken);
        // Read the clock once the lock is held, so runs are stamped in the order they became visible.
        var now = time.GetUtcNow();
        var status = run.Outcome;
        if (status == RunStatus.Failed)
        {
            await DiscardAsync(db, run.Id, cancellationToken);
            await SetStatusAsync(db, run.Id, status, now,
                $"None of the {run.Total} cluster(s) could be assessed; the logs name each cluster and why. Nothing was stored.", cancellationToken);
            return status;
        }

        await RunPartitions.AttachAsync(connection, run.Id, cancellationToken);
        var touched = await ReturningAsync(connection, """
            UPDATE clusters c SET latest_run_id = @run, last_seen_at = @now, gone_at = NULL
            WHERE c.id IN (SELECT r.cluster_id FROM pillar_score_rollups r WHERE r.run_id = @run AND r.pillar = 'overall')
            RETURNING c.subscription_id
            """, run.Id, now, null, cancellationToken);
        if (run.Scope is not null && RunScope.TryParse(run.Scope, out var scope))
        {
            touched.UnionWith(await MarkGoneAsync(connection, run, scope, now, cancellationToken));
        }

        await FindingLifecycle.MergeAsync(db, run.Id, now, cancellationToken);
        await FindingCountRecorder.RecordAsync(db, run.Id, now, cancellationToken);
        await ScopeRollups.WriteAsync(connection, run.Id, touched, now, cancellationToken);
        await SetStatusAsync(db, run.Id, status, now, null, cancellationToken);
        return status;
    }

    /// <summary>Drops what a run staged: it will never be finished.</summary>
    public static async Task DiscardAsync(AppDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        await RunPartitions.DropAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, cancellationToken);
        await db.PillarScoreRollups.Where(r => r.RunId == runId).ExecuteDeleteAsync(cancellationToken);
    }

    // A cluster of the scope that the run's inventory did not list is gone, unless something saw it after the run began.
    private static Task<HashSet<string>> MarkGoneAsync(NpgsqlConnection connection, FinishingRun run, RunScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"""
            UPDATE clusters c SET gone_at = @now
            WHERE c.gone_at IS NULL AND c.latest_run_id IS NOT NULL AND c.last_seen_at < @started AND {scope.SqlFilter("c", command)}
              AND NOT EXISTS (SELECT 1 FROM assessment_run_batches b WHERE b.run_id = @run AND c.id = ANY(b.cluster_ids))
            RETURNING c.subscription_id
            """;
        return ReturningAsync(command, run.Id, now, run.StartedAt, cancellationToken);
    }

    private static Task<HashSet<string>> ReturningAsync(
        NpgsqlConnection connection, string sql, Guid runId, DateTimeOffset now, DateTimeOffset? started, CancellationToken cancellationToken) =>
        ReturningAsync(new NpgsqlCommand(sql, connection), runId, now, started, cancellationToken);

    private static async Task<HashSet<string>> ReturningAsync(
        NpgsqlCommand command, Guid runId, DateTimeOffset now, DateTimeOffset? started, CancellationToken cancellationToken)
    {
        await using (command)
        {
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("now", now);
            if (started is { } value)
            {
                command.Parameters.AddWithValue("started", value);
            }

            var subscriptions = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                subscriptions.Add(reader.GetString(0));
            }

            return subscriptions;
        }
    }

    private static Task SetStatusAsync(AppDbContext db, Guid runId, RunStatus status, DateTimeOffset now, string? error, CancellationToken cancellationToken) =>
        db.AssessmentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.Error, error),
            cancellationToken);
}
