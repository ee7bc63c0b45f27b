using AksPosture.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// Fails runs that stopped making progress (their jobs lost with a worker, or out of retries), so a scope is never
/// blocked for good and a half-done run never looks like it might still finish. What they staged is dropped.
/// </summary>
public sealed class RunWatchdogJob(IDbContextFactory<AppDbContext> dbFactory, IOptions<RunOptions> options, TimeProvider time, ILogger<RunWatchdogJob> logger)
{
    public const string RecurringJobId = "runs:fail-stale";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task FailStaleRunsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - options.Value.StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stale = await db.AssessmentRuns.AsNoTracking()
            .Where(r => (r.Status == RunStatus.Queued || r.Status == RunStatus.Running) && (r.HeartbeatAt ?? r.QueuedAt) < cutoff)
            .Select(r => new { r.Id, Since = r.HeartbeatAt ?? r.QueuedAt })
            .ToListAsync(cancellationToken);
        foreach (var run in stale)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var error = $"No progress since {run.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC (more than {options.Value.StaleAfter.TotalMinutes:0} minutes): " +
                        "its jobs stopped (a worker was lost or retries ran out; see /ops/jobs). Nothing of it was stored; start a new run.";
            // Re-checked under the row lock: a run that finished meanwhile is left alone.
            var failed = await db.Database.ExecuteSqlAsync($"""
                UPDATE assessment_runs SET status = 'failed', finished_at = {now}, error = {error}
                WHERE id = {run.Id} AND status IN ('queued', 'running') AND COALESCE(heartbeat_at, queued_at) < {cutoff}
                """, cancellationToken);
            if (failed == 1)
            {
                await RunFinisher.DiscardAsync(db, run.Id, cancellationToken);
                logger.LogWarning("Run {RunId} failed: no progress since {Since}", run.Id, run.Since);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
