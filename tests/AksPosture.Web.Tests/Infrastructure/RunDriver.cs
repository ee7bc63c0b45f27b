using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>Drives a run's jobs by hand, in order, as Hangfire workers would.</summary>
public static class RunDriver
{
    private static readonly Dictionary<string, string> NoNames = [];

    /// <summary>Stores snapshots the way an import does (so runs have stored clusters to re-assess); returns the import's run.</summary>
    public static async Task<AssessmentOutcome> ImportAsync(this PortalFixture portal, params ClusterSnapshot[] snapshots) =>
        await portal.Service<AssessmentService>().AssessAsync(snapshots, NoNames, "import", isSample: false, CancellationToken.None);

    public static async Task<Guid> QueueAsync(this PortalFixture portal, string scope)
    {
        Assert.True(RunScope.TryParse(scope, out var parsed));
        var started = await portal.Service<RunService>().StartAsync(parsed, RunService.ManualTrigger, null, CancellationToken.None);
        return started.RunId ?? throw new InvalidOperationException($"Run of {scope} not started: run {started.ActiveRunId} is going.");
    }

    public static Task PlanAsync(this PortalFixture portal, Guid runId) =>
        portal.Service<RunJobs>().PlanAsync(runId, CancellationToken.None);

    public static async Task AssessAllBatchesAsync(this PortalFixture portal, Guid runId)
    {
        foreach (var batchNo in await BatchNumbersAsync(portal, runId))
        {
            await portal.Service<RunJobs>().AssessBatchAsync(runId, batchNo, CancellationToken.None);
        }
    }

    public static Task FinishAsync(this PortalFixture portal, Guid runId) =>
        portal.Service<RunJobs>().FinishAsync(runId, CancellationToken.None);

    /// <summary>Queue, plan, assess every batch and finish; returns the run.</summary>
    public static async Task<AssessmentRun> RunToEndAsync(this PortalFixture portal, string scope)
    {
        var runId = await portal.QueueAsync(scope);
        await portal.PlanAsync(runId);
        await portal.AssessAllBatchesAsync(runId);
        await portal.FinishAsync(runId);
        return await portal.RunAsync(runId);
    }

    public static async Task<AssessmentRun> RunAsync(this PortalFixture portal, Guid runId)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.AssessmentRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    public static async Task<List<int>> BatchNumbersAsync(this PortalFixture portal, Guid runId)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.RunBatches.Where(b => b.RunId == runId).OrderBy(b => b.BatchNo).Select(b => b.BatchNo).ToListAsync();
    }

    /// <summary>A fresh subscription GUID, so a test's runs and scores are its own.</summary>
    public static string NewSubscription() => Guid.NewGuid().ToString("D");
}
