using AksPosture.AzureEmulator;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Tests.Collection;

public sealed class FaultHandlingTests
{
    [Fact]
    public async Task CollectAsync_ThrottledWithRetryAfter_WaitsThatLongThenRetries()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 3, Subscriptions = 1, RetryAfterSeconds = 1 });
        azure.Emulator.Faults.FailNext(CallKind.DiagnosticSettings, 429);

        var fleet = await azure.CollectAsync();

        Assert.All(fleet.Clusters, c => Assert.True(c.Azure.TryGet(AzureDataSets.DiagnosticSettings, out _)));
        var calls = azure.Emulator.Log.Calls.Where(c => c.Kind == CallKind.DiagnosticSettings).ToList();
        Assert.Equal(4, calls.Count);
        var throttled = Assert.Single(calls, c => c.Status == 429);
        var retry = calls.Single(c => c.Path == throttled.Path && c.Status == 200);
        Assert.True(retry.ArrivedAt - throttled.ArrivedAt >= TimeSpan.FromMilliseconds(950), $"retried after {(retry.ArrivedAt - throttled.ArrivedAt).TotalMilliseconds:0} ms, before Retry-After");
        Assert.Equal(1, azure.Client.Statistics.FailedStatuses[429]);
    }

    [Fact]
    public async Task CollectAsync_ServerErrors_RetriedUntilAnswered()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 4, Subscriptions = 2 });
        azure.Emulator.Faults.FailNext(CallKind.Metrics, 503, times: 2);
        azure.Emulator.Faults.FailNext(CallKind.MaintenanceConfigurations, 500);
        azure.Emulator.Faults.FailNext(CallKind.ResourceGraph, 500);

        var fleet = await azure.CollectAsync();

        Assert.Equal(4, fleet.Clusters.Count);
        Assert.All(fleet.Clusters, c => Assert.Empty(c.Azure.Problems));
        Assert.Equal(2, azure.Client.Statistics.FailedStatuses[503]);
        Assert.Equal(2, azure.Client.Statistics.FailedStatuses[500]);
    }

    [Fact]
    public async Task CollectAsync_ServerKeepsFailing_DataSetBecomesAProblemNotAFailedRun()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 1, Subscriptions = 1 });
        azure.Emulator.Faults.FailNext(CallKind.MaintenanceConfigurations, 503, times: 50);

        var fleet = await azure.CollectAsync();

        var cluster = Assert.Single(fleet.Clusters);
        var problem = Assert.Single(cluster.Azure.Problems);
        Assert.Equal(AzureDataSets.MaintenanceConfigurations, problem.DataSet);
        Assert.Contains("503", problem.Message, StringComparison.Ordinal);
        Assert.Null(problem.MissingPermission);
        Assert.True(cluster.Azure.TryGet(AzureDataSets.DiagnosticSettings, out _));
    }

    [Fact]
    public async Task CollectAsync_RandomThrottlingAndFaults_StillCollectsEverything()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 24, ThrottleRate = 0.1, ServerErrorRate = 0.1, RetryAfterSeconds = 1, Seed = 7 });

        var fleet = await azure.CollectAsync();

        Assert.Equal(24, fleet.Clusters.Count);
        Assert.All(fleet.Clusters, c => Assert.Empty(c.Azure.Problems));
        Assert.Contains(azure.Emulator.Log.Calls, c => c.Status == 429);
        Assert.Contains(azure.Emulator.Log.Calls, c => c.Status >= 500);
    }
}
