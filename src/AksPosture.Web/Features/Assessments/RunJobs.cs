using AksPosture.Engine.Assessment;
using AksPosture.Web.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// The Hangfire jobs of a run: plan (list the clusters, split them into batches), assess each batch, finish. Every
/// step is safe to run twice: a retried plan re-enqueues what is pending, a batch is written in the transaction
/// that marks it done, and finishing checks the run is still running. So a step the database interrupted (a
/// restart) simply runs again (<see cref="DatabaseRetry"/>), and so does one whose worker died.
/// </summary>
public sealed class RunJobs(
    IDbContextFactory<AppDbContext> dbFactory,
    IBackgroundJobClient jobs,
    IClusterSource source,
    AssessmentSettings settings,
    IOptions<RunOptions> options,
    RunJobHooks hooks,
    TimeProvider time,
    ILogger<RunJobs> logger)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Plan run {0}")]
    public Task PlanAsync(Guid runId, CancellationToken cancellationToken) =>
        DatabaseRetry.RunAsync(() => PlanOnceAsync(runId, cancellationToken), $"Planning run {runId}", logger, cancellationToken);

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Assess batch {1} of run {0}")]
    public Task AssessBatchAsync(Guid runId, int batchNo, CancellationToken cancellationToken) =>
        DatabaseRetry.RunAsync(() => AssessBatchOnceAsync(runId, batchNo, cancellationToken), $"Batch {batchNo} of run {runId}", logger, cancellationToken);

    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Finish run {0}")]
    public Task FinishAsync(Guid runId, CancellationToken cancellationToken) =>
        DatabaseRetry.RunAsync(() => FinishOnceAsync(runId, cancellationToken), $"Finishing run {runId}", logger, cancellationToken);

    private async Task PlanOnceAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queued = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.Status == RunStatus.Queued, cancellationToken);
        if (queued is not null)
        {
            // Listed before the run's row is locked: a live source collects from Azure for a while and writes its progress to that row.
            var (listing, error) = await ListAsync(db, queued, cancellationToken);
            await PlanBatchesAsync(db, runId, listing, error, cancellationToken);
        }

        await EnqueuePendingAsync(db, runId, cancellationToken);
    }

    private async Task<(ClusterListing? Listing, string? Error)> ListAsync(AppDbContext db, AssessmentRun run, CancellationToken cancellationToken)
    {
        if (!RunScope.TryParse(run.Scope, out var scope))
        {
            return (null, $"The scope '{run.Scope}' is not one AksPosture understands: use {RunScope.Grammar}.");
        }

        try
        {
            return (await source.ListAsync(db, run.Id, scope, cancellationToken), null);
        }
        catch (ClusterSourceException ex)
        {
            return (null, ex.Message);
        }
    }

    private async Task PlanBatchesAsync(AppDbContext db, Guid runId, ClusterListing? listing, string? error, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM assessment_runs WHERE id = {runId} FOR UPDATE", cancellationToken);
        var run = await db.AssessmentRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is not { Status: RunStatus.Queued })
        {
            // Another attempt planned (or the watchdog failed) the run meanwhile.
            return;
        }

        if (listing is null)
        {
            await FailAsync(db, run, error ?? "The clusters of the scope could not be listed.", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var batches = RunBatches.Split(runId, listing.Clusters, options.Value.BatchSize);
        db.RunBatches.AddRange(batches);
        var now = time.GetUtcNow();
        run.Status = RunStatus.Running;
        run.StartedAt ??= now;
        run.HeartbeatAt = now;
        run.ClustersTotal = listing.Clusters.Count;
        run.BatchesTotal = batches.Count;
        run.Error = listing.Note;
        await db.SaveChangesAsync(cancellationToken);
        await RunPartitions.CreateAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Run {RunId} ({Scope}) planned: {Clusters} clusters in {Batches} batches", runId, run.Scope, listing.Clusters.Count, batches.Count);
    }

    private async Task AssessBatchOnceAsync(Guid runId, int batchNo, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        var batch = await db.RunBatches.AsNoTracking().FirstOrDefaultAsync(b => b.RunId == runId && b.BatchNo == batchNo, cancellationToken);
        if (run is not { Status: RunStatus.Running } || batch is null)
        {
            return;
        }

        if (!batch.Done)
        {
            await WriteBatchAsync(db, run, batch, cancellationToken);
        }

        // Also on a retry that finds the batch written: the attempt that wrote it may have died before this line.
        if (await AllBatchesDoneAsync(db, runId, cancellationToken))
        {
            jobs.Enqueue<RunJobs>(j => j.FinishAsync(runId, CancellationToken.None));
        }
    }

    private async Task FinishOnceAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM assessment_runs WHERE id = {runId} FOR UPDATE", cancellationToken);
        var run = await db.AssessmentRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is not { Status: RunStatus.Running } || run.BatchesDone < run.BatchesTotal)
        {
            return;
        }

        var finishing = new FinishingRun(run.Id, run.Scope, run.StartedAt ?? run.QueuedAt, run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed);
        var (status, findings) = await RunFinisher.FinishAsync(db, finishing, time, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Run {RunId} ({Scope}) {Status}: {Assessed} of {Total} clusters assessed, {Failed} failed; findings {New} new, {SeenAgain} seen again after a change, {Resolved} resolved, {Frozen} without a verdict",
            runId, run.Scope, status, run.ClustersAssessed, run.ClustersTotal, run.ClustersFailed, findings.New, findings.SeenAgain, findings.Resolved, findings.Frozen);
    }

    private async Task WriteBatchAsync(AppDbContext db, AssessmentRun run, RunBatch batch, CancellationToken cancellationToken)
    {
        // Evaluate before the transaction opens: the engine's work holds no locks.
        var asOf = settings with { AsOf = DateOnly.FromDateTime((run.StartedAt ?? run.QueuedAt).UtcDateTime) };
        var stored = new List<StoredAssessment>();
        var failed = 0;
        foreach (var sourced in await source.LoadAsync(db, run.Id, batch.ClusterIds, cancellationToken))
        {
            var evaluation = sourced.Snapshot is null ? null : ClusterEvaluator.Evaluate(sourced.Snapshot, asOf, logger);
            if (evaluation?.Assessment is { } assessment)
            {
                stored.Add(new StoredAssessment(sourced.ClusterId, assessment));
            }
            else
            {
                failed++;
                logger.LogWarning("Run {RunId}: cluster {ClusterId} not assessed: {Error}", run.Id, sourced.ClusterId, sourced.Error ?? evaluation?.Error);
            }
        }

        await RunBatchWriter.WriteAsync(db, run.Id, batch.BatchNo, stored, failed, time.GetUtcNow(), BeforeCommitAsync, cancellationToken);

        async Task BeforeCommitAsync(Guid runId, int batchNo)
        {
            if (options.Value.DiagnosticBatchDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.DiagnosticBatchDelay, cancellationToken);
            }

            if (hooks.BeforeBatchCommit is { } hook)
            {
                await hook(runId, batchNo);
            }
        }
    }

    private async Task EnqueuePendingAsync(AppDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var pending = await db.RunBatches.AsNoTracking()
            .Where(b => b.RunId == runId && !b.Done)
            .OrderBy(b => b.BatchNo)
            .Select(b => b.BatchNo)
            .ToListAsync(cancellationToken);
        foreach (var batchNo in pending)
        {
            jobs.Enqueue<RunJobs>(j => j.AssessBatchAsync(runId, batchNo, CancellationToken.None));
        }

        if (pending.Count == 0 && await AllBatchesDoneAsync(db, runId, cancellationToken))
        {
            jobs.Enqueue<RunJobs>(j => j.FinishAsync(runId, CancellationToken.None));
        }
    }

    private static Task<bool> AllBatchesDoneAsync(AppDbContext db, Guid runId, CancellationToken cancellationToken) =>
        db.AssessmentRuns.AsNoTracking().AnyAsync(r => r.Id == runId && r.Status == RunStatus.Running && r.BatchesDone >= r.BatchesTotal, cancellationToken);

    private async Task FailAsync(AppDbContext db, AssessmentRun run, string error, CancellationToken cancellationToken)
    {
        run.Status = RunStatus.Failed;
        run.FinishedAt = time.GetUtcNow();
        run.Error = error;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Run {RunId} failed: {Error}", run.Id, error);
    }
}

internal static class RunBatches
{
    /// <summary>Whole subscriptions packed into batches of up to <paramref name="size"/> clusters; a larger subscription is split.</summary>
    public static List<RunBatch> Split(Guid runId, IReadOnlyList<ClusterRef> clusters, int size)
    {
        var batches = new List<RunBatch>();
        var current = new List<Guid>();
        foreach (var subscription in clusters.GroupBy(c => c.SubscriptionId))
        {
            var ids = subscription.Select(c => c.Id).ToList();
            if (current.Count > 0 && current.Count + ids.Count > size)
            {
                Close();
            }

            foreach (var chunk in ids.Chunk(size))
            {
                current.AddRange(chunk);
                if (current.Count >= size)
                {
                    Close();
                }
            }
        }

        Close();
        return batches;

        void Close()
        {
            if (current.Count > 0)
            {
                batches.Add(new RunBatch { RunId = runId, BatchNo = batches.Count + 1, ClusterIds = current.ToArray() });
                current = [];
            }
        }
    }
}
