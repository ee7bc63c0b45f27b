using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>Stores one batch of a run in the transaction that marks the batch done, so it is written exactly once.</summary>
internal static class RunBatchWriter
{
    /// <summary>False when the batch was already written (or the run is no longer running): nothing is written then.</summary>
    public static async Task<bool> WriteAsync(
        AppDbContext db, Guid runId, int batchNo, IReadOnlyList<StoredAssessment> stored, int failed, DateTimeOffset now,
        Func<Guid, int, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claiming the batch row is what makes the write happen once: a second attempt waits on the row lock, then finds it done.
        var claimed = await db.Database.ExecuteSqlAsync($"""
            UPDATE assessment_run_batches b
            SET done = TRUE, clusters_assessed = {stored.Count}, clusters_failed = {failed}, finished_at = {now}
            WHERE b.run_id = {runId} AND b.batch_no = {batchNo} AND NOT b.done
              AND EXISTS (SELECT 1 FROM assessment_runs r WHERE r.id = b.run_id AND r.status = 'running')
            """, cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ResultCopy.WriteResultsAsync(connection, RunPartitions.TableFor(runId), runId, stored, cancellationToken);
        await ResultCopy.WriteRollupsAsync(connection, runId, stored, cancellationToken);
        await ResultCopy.WriteDigestsAsync(connection, runId, stored, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE assessment_runs
            SET clusters_assessed = clusters_assessed + {stored.Count}, clusters_failed = clusters_failed + {failed},
                batches_done = batches_done + 1, heartbeat_at = {now}
            WHERE id = {runId}
            """, cancellationToken);
        if (beforeCommit is not null)
        {
            await beforeCommit(runId, batchNo);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
