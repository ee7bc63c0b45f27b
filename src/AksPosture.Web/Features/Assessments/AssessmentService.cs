using System.Diagnostics;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Assessments;

/// <summary>Runs the engine over snapshots and stores the run, its results, score rollups and finding lifecycle.</summary>
public sealed class AssessmentService(
    IDbContextFactory<AppDbContext> dbFactory,
    AssessmentSettings settings,
    TimeProvider time,
    ILogger<AssessmentService> logger)
{
    public async Task<AssessmentOutcome> AssessAsync(
        IReadOnlyList<ClusterSnapshot> snapshots,
        IReadOnlyDictionary<string, string> subscriptionNames,
        string trigger,
        bool isSample,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();

        // A cluster listed twice is assessed once, from its last snapshot: one verdict per cluster per run.
        var unique = snapshots.GroupBy(s => s.Id.ToLowerInvariant()).Select(g => g.Last()).ToList();
        var run = await StartRunAsync(trigger, unique.Count, cancellationToken);
        // Time-dependent rules (version support) judge against the run's clock, not the machine's.
        var asOf = settings with { AsOf = DateOnly.FromDateTime(run.QueuedAt.UtcDateTime) };
        var evaluations = unique.Select(s => ClusterEvaluator.Evaluate(s, asOf, logger)).ToList();

        try
        {
            var clusters = await AssessmentWriter.WriteAsync(dbFactory, run, evaluations, subscriptionNames, isSample, time, cancellationToken);
            logger.LogInformation(
                "Run {RunId} ({Trigger}) {Status}: {Assessed} of {Total} clusters assessed, {Failed} failed, in {ElapsedMs} ms",
                run.Id, trigger, run.Status, run.ClustersAssessed, run.ClustersTotal, run.ClustersFailed, stopwatch.ElapsedMilliseconds);
            return new AssessmentOutcome(run, clusters);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} ({Trigger}) failed; nothing it assessed was stored", run.Id, trigger);
            await MarkFailedAsync(run.Id);
            throw;
        }
    }

    private async Task<AssessmentRun> StartRunAsync(string trigger, int total, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new AssessmentRun
        {
            Id = Guid.CreateVersion7(now),
            Trigger = trigger,
            Status = RunStatus.Running,
            QueuedAt = now,
            StartedAt = now,
            HeartbeatAt = now,
            RuleSetVersion = RuleCatalog.Version,
            ScoringVersion = ScoringModel.Version,
            ClustersTotal = total,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task MarkFailedAsync(Guid runId)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.AssessmentRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
                setters => setters.SetProperty(r => r.Status, RunStatus.Failed).SetProperty(r => r.FinishedAt, time.GetUtcNow()),
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not mark run {RunId} as failed", runId);
        }
    }
}

