using AksPosture.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Features.Assessments.Recovery;

/// <summary>The database restarted (pg_ctl restart -m fast) in the middle of a run, on a server of the test's own.</summary>
[Trait("Category", "Recovery")]
[Collection(RecoveryPortal.Collection)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Run_DatabaseRestartedMidBatch_IsRetriedAndEndsWithEveryResultExactlyOnce()
    {
        var steps = new Milestones(output);
        await using var server = await PrivatePostgres.StartAsync();
        steps.Mark("private PostgreSQL started");
        var observer = new RunObserver(server.ConnectionString);
        await using var portal = await RecoveryPortal.StartAsync(server.ConnectionString, firstStart: true);
        steps.Mark("portal listening");
        var cleanRun = await observer.SampleFleetRunAsync();
        var expected = await observer.ResultsAsync(cleanRun);
        steps.Mark("sample fleet assessed (the clean run to compare with)");
        var runId = await RunObserver.StartFleetRunAsync(portal);
        var atRestart = await observer.MidBatchAsync(runId);

        var restartedAt = steps.Elapsed;
        await server.RestartAsync();
        steps.Mark($"restarted (pg_ctl restart -m fast) with {atRestart.BatchesDone} of {atRestart.BatchesTotal} batches stored and a batch half written");
        // A batch whose own retries (1, 2, 4, 8 and 16 s) all met the server still coming back goes on through
        // Hangfire's retries, which wait 15-44 s, then 16-74 s, then 31-118 s: on a loaded machine the run may take
        // that path, so the wait covers three of them. On a timeout the portal's log says which path it took.
        RunSnapshot finished;
        try
        {
            finished = await observer.FinishedAsync(runId, expected.Count, TimeSpan.FromMinutes(6));
        }
        catch (TimeoutException)
        {
            output.WriteLine($"run at the timeout: {await observer.SnapshotAsync(runId)}\nportal log:\n{portal.Output}");
            throw;
        }

        steps.Mark($"run {finished.Status}, {(steps.Elapsed - restartedAt).TotalSeconds:0.0} s after the restart began");
        var results = await observer.ResultsAsync(runId);

        Assert.True(portal.Logged("was interrupted by the database"), $"No job was interrupted and retried:\n{portal.Output}");
        Assert.Equal(("succeeded", null), (finished.Status, finished.Error));
        Assert.Equal(expected.Count, results.Count);
        Assert.Equal(expected.ToHashSet(), results.ToHashSet());
    }
}
