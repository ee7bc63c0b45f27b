using AksPosture.Web.Data;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Scores;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Web.Features.Assessments;

/// <summary>What finishing needs to know about a run.</summary>
internal sealed record FinishingRun(Guid Id, string? Scope, DateTimeOffset StartedAt, int Total, int Assessed, int Failed)
{
    public RunStatus Outcome => Assessed == 0 && Total > 0 ? RunStatus.Failed
        : Failed > 0 ? RunStatus.Partial
        : RunStatus.Succeeded;
}

/// <summary>How a run ended, and how many findings it changed.</summary>
internal sealed record FinishOutcome(RunStatus Status, LifecycleChanges Findings);

/// <summary>
/// The one transaction that makes a run visible: its staged results join <c>rule_results</c>, its clusters point at
/// it, clusters its scope no longer holds are marked gone, findings move through their lifecycle and the fleet and
/// subscription roll-ups are recorded. Readers see all of it at commit, or none of it.
/// </summary>
internal static class RunFinisher
{
    // Finishing transactions take turns, so runs of overlapping scopes never interleave lifecycle merges.
    private const long FinishLockKey = 0x414B_5350_4649_4E; // "AKSP" "FIN"

    /// <summary>Runs inside the caller's transaction on <paramref name="db"/>; returns the run's final status and what it did to findings.</summary>
    public static async Task<FinishOutcome> FinishAsync(AppDbContext db, FinishingRun run, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({FinishLockKey})", cancellationToken);
        // A fleet's first run sorts every defect it found into key order before inserting them as findings: in the
        // server's default 4 MB that sort spills to disk. The setting ends with the transaction.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '128MB'", cancellationToken);
        // Read the clock once the lock is held, so runs are stamped in the order they became visible.
        var now = time.GetUtcNow();
        var status = run.Outcome;
        if (status == RunStatus.Failed)
        {
            await DiscardAsync(db, run.Id, cancellationToken);
            await SetStatusAsync(db, run.Id, status, now,
                $"None of the {run.Total} cluster(s) could be assessed; the logs name each cluster and why. Nothing was stored.", cancellationToken);
            return new FinishOutcome(status, LifecycleChanges.None);
        }

        await RunPartitions.AttachAsync(connection, run.Id, cancellationToken);
        // Before the clusters point at this run: the merge reads their previous latest run.
        var digests = await RunDigests.LoadAsync(connection, run.Id, cancellationToken);
        var changed = digests.Changed();
        // Clusters coming back from gone keep their findings but had their active counts zeroed: count them again.
        var recount = changed.Union(await db.Clusters.Where(c => c.GoneAt != null && digests.Clusters.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToArray();
        var findings = changed.Length == 0 ? LifecycleChanges.None : await FindingLifecycle.MergeAsync(db, run.Id, changed, now, cancellationToken);
        var touched = await PointClustersAsync(connection, run.Id, digests, now, cancellationToken);
        await db.RunClusterDigests.Where(d => d.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        if (run.Scope is not null && RunScope.TryParse(run.Scope, out var scope))
        {
            touched.UnionWith(await MarkGoneAsync(connection, run, scope, now, cancellationToken));
        }

        await FindingCountRecorder.RecordAsync(db, recount, now, cancellationToken);
        await ScopeRollups.WriteAsync(connection, run.Id, touched, now, cancellationToken);
        await AdjustedScoreStore.AfterRunAsync(db, run.Id, now, cancellationToken);
        await SetStatusAsync(db, run.Id, status, now, null, cancellationToken);
        return new FinishOutcome(status, findings);
    }

    /// <summary>Drops what a run staged: it will never be finished.</summary>
    public static async Task DiscardAsync(AppDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        await RunPartitions.DropAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, cancellationToken);
        await db.PillarScoreRollups.Where(r => r.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.RunClusterDigests.Where(d => d.RunId == runId).ExecuteDeleteAsync(cancellationToken);
    }

    // The clusters the run assessed now show it, and the digest of its results for them.
    private static Task<HashSet<string>> PointClustersAsync(
        NpgsqlConnection connection, Guid runId, RunDigests digests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand("""
            UPDATE clusters c SET latest_run_id = @run, last_seen_at = @now, gone_at = NULL, results_digest = s.digest
            FROM unnest(@clusters, @digests) AS s(cluster_id, digest)
            WHERE c.id = s.cluster_id
            RETURNING c.subscription_id
            """, connection);
        command.Parameters.AddWithValue("clusters", digests.Clusters);
        command.Parameters.Add(new NpgsqlParameter("digests", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = digests.Staged });
        return ReturningAsync(command, runId, now, null, cancellationToken);
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

    // A note the run got when it was planned (clusters that could not be collected) stays, after the finishing error if any.
    private static Task SetStatusAsync(AppDbContext db, Guid runId, RunStatus status, DateTimeOffset now, string? error, CancellationToken cancellationToken) =>
        db.AssessmentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.HeartbeatAt, now)
                .SetProperty(r => r.Error, r => error == null ? r.Error : r.Error == null ? error : error + " " + r.Error),
            cancellationToken);
}
