using AksPosture.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Features.Assessments.Recovery;

/// <summary>A portal process killed with SIGKILL (kill -9) in the middle of a run, and a second one that takes over.</summary>
[Trait("Category", "Recovery")]
[Collection(RecoveryPortal.Collection)]
public sealed class WorkerKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_WorkerKilledMidBatch_SecondWorkerFinishesItWithEveryResultExactlyOnce()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        var observer = new RunObserver(database.ConnectionString);
        Guid cleanRun, runId;
        RunSnapshot atKill;
        var steps = new Milestones(output);
        await using (var first = await RecoveryPortal.StartAsync(database.ConnectionString, firstStart: true))
        {
            steps.Mark("first portal listening");
            cleanRun = await observer.SampleFleetRunAsync();
            steps.Mark("sample fleet assessed (the clean run to compare with)");
            runId = await RunObserver.StartFleetRunAsync(first);
            atKill = await observer.MidBatchAsync(runId);
            await first.KillAsync();
        }

        var killedAt = steps.Elapsed;
        steps.Mark($"killed (SIGKILL) with {atKill.BatchesDone} of {atKill.BatchesTotal} batches stored and a batch half written");
        // What the dead worker had not committed is gone; what it had is kept, once, and nothing is visible yet.
        await observer.NoWritersAsync(runId);
        var staged = await observer.StagedAsync(runId);
        var stagedExpected = await observer.CleanResultsOfDoneBatchesAsync(runId, cleanRun);
        Assert.Equal(stagedExpected.ToHashSet(), staged.ToHashSet());
        Assert.Equal(staged.Count, staged.Distinct().Count());
        Assert.Equal(0, (await observer.SnapshotAsync(runId)).Visible);

        var expected = await observer.ResultsAsync(cleanRun);
        await using var second = await RecoveryPortal.StartAsync(database.ConnectionString, firstStart: false);
        steps.Mark("second portal listening");
        var finished = await observer.FinishedAsync(runId, expected.Count);
        steps.Mark($"run {finished.Status}, {(steps.Elapsed - killedAt).TotalSeconds:0.0} s after the kill");
        var results = await observer.ResultsAsync(runId);

        Assert.Equal(("succeeded", null), (finished.Status, finished.Error));
        Assert.Equal(expected.Count, results.Count);
        Assert.Equal(expected.ToHashSet(), results.ToHashSet());
    }
}
