using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AksPosture.Web.Features.Retention;

/// <summary>
/// Daily: removes raw results of runs finished more than <see cref="RetentionOptions.ResultDays"/> days ago. A run's
/// partition is dropped whole; while some cluster's current scores still come from that run, only the other
/// clusters' rows go, so every cluster page keeps its evidence. Rollups and findings are never touched.
/// </summary>
public sealed class RetentionJob(IDbContextFactory<AppDbContext> dbFactory, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
{
    public const string RecurringJobId = "retention:results";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Remove raw results past retention")]
    public async Task<int> RemoveExpiredResultsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.ResultDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await ExpiredAsync(db, cutoff, cancellationToken);
        foreach (var (runId, stillCurrent, thinned) in expired)
        {
            if (stillCurrent && thinned)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (stillCurrent)
            {
                await db.Database.ExecuteSqlAsync($"""
                    DELETE FROM rule_results r
                    WHERE r.run_id = {runId}
                      AND NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = r.cluster_id AND c.latest_run_id = {runId})
                    """, cancellationToken);
            }
            else
            {
                await RunPartitions.DropAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, cancellationToken);
            }

            await db.AssessmentRuns.Where(r => r.Id == runId && r.ResultsRemovedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultsRemovedAt, now), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var removed = expired.Count(e => !(e.StillCurrent && e.Thinned));
        logger.LogInformation("Retention: raw results of {Runs} run(s) finished before {Cutoff:yyyy-MM-dd} removed", removed, cutoff);
        return removed;
    }

    /// <summary>Expired runs whose results table still exists; whether a cluster still shows them; whether they were thinned already.</summary>
    private static async Task<List<(Guid RunId, bool StillCurrent, bool Thinned)>> ExpiredAsync(AppDbContext db, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT r.id,
                   EXISTS (SELECT 1 FROM clusters c WHERE c.latest_run_id = r.id),
                   r.results_removed_at IS NOT NULL
            FROM assessment_runs r
            WHERE r.finished_at < @cutoff
              AND to_regclass('rule_results_' || replace(r.id::text, '-', '')) IS NOT NULL
            ORDER BY r.finished_at
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("cutoff", cutoff);
        var runs = new List<(Guid, bool, bool)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add((reader.GetGuid(0), reader.GetBoolean(1), reader.GetBoolean(2)));
        }

        return runs;
    }
}
