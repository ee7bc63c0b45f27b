using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Assessments;

/// <summary>A run's jobs driven by hand: overlap, retries, crashes, visibility, staleness and clusters that disappear.</summary>
public sealed class RunJobsTests(HidingPortalFixture portal) : IClassFixture<HidingPortalFixture>
{
    [Fact]
    public async Task Start_SameScopeWhileQueued_ReturnsTheActiveRunInsteadOfStarting()
    {
        var scope = $"subscription:{RunDriver.NewSubscription()}";
        var first = await portal.QueueAsync(scope);

        Assert.True(RunScope.TryParse(scope.ToUpperInvariant().Replace("SUBSCRIPTION", "subscriptions"), out var sameScope));
        var second = await portal.Service<RunService>().StartAsync(sameScope, RunService.ManualTrigger, null, CancellationToken.None);

        Assert.Null(second.RunId);
        Assert.Equal(first, second.ActiveRunId);
    }

    [Fact]
    public async Task Start_TenConcurrentRequestsForOneScope_StartsExactlyOneRun()
    {
        Assert.True(RunScope.TryParse($"subscription:{RunDriver.NewSubscription()}", out var scope));
        var runs = portal.Service<RunService>();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => runs.StartAsync(scope, "test", null, CancellationToken.None))));

        var started = Assert.Single(results, r => r.RunId is not null);
        Assert.All(results.Where(r => r.RunId is null), r => Assert.Equal(started.RunId, r.ActiveRunId));
    }

    [Fact]
    public async Task Start_AfterTheRunOfTheScopeFinished_StartsAgain()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-again"));

        var first = await portal.RunToEndAsync($"subscription:{subscription}");
        var second = await portal.RunToEndAsync($"subscription:{subscription}");

        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (first.Status, second.Status));
    }

    [Fact]
    public async Task AssessBatch_RunTwice_StoresEachResultOnce()
    {
        var subscription = RunDriver.NewSubscription();
        var import = await portal.ImportAsync(InSubscription(subscription, "aks-twice-a"), InSubscription(subscription, "aks-twice-b"));
        var runId = await portal.QueueAsync($"subscription:{subscription}");
        await portal.PlanAsync(runId);
        var batch = Assert.Single(await portal.BatchNumbersAsync(runId));

        await portal.Service<RunJobs>().AssessBatchAsync(runId, batch, CancellationToken.None);
        await portal.Service<RunJobs>().AssessBatchAsync(runId, batch, CancellationToken.None);
        await portal.FinishAsync(runId);

        var run = await portal.RunAsync(runId);
        Assert.Equal((RunStatus.Succeeded, 2, 2, 0), (run.Status, run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed));
        Assert.Equal(await ResultCountAsync(import.Run.Id), await ResultCountAsync(runId));
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(2 * 6, await db.PillarScoreRollups.CountAsync(r => r.RunId == runId));
    }

    [Fact]
    public async Task AssessBatch_CrashBeforeCommit_RetryStoresEveryResultOnce()
    {
        var subscription = RunDriver.NewSubscription();
        var import = await portal.ImportAsync(InSubscription(subscription, "aks-crash"));
        var runId = await portal.QueueAsync($"subscription:{subscription}");
        await portal.PlanAsync(runId);
        var batch = Assert.Single(await portal.BatchNumbersAsync(runId));
        var hooks = portal.Service<RunJobHooks>();
        hooks.BeforeBatchCommit = (_, _) => throw new IOException("worker killed");

        try
        {
            await Assert.ThrowsAsync<IOException>(() => portal.Service<RunJobs>().AssessBatchAsync(runId, batch, CancellationToken.None));
        }
        finally
        {
            hooks.BeforeBatchCommit = null;
        }

        var afterCrash = await portal.RunAsync(runId);
        Assert.Equal((0, 0, 0), (afterCrash.ClustersAssessed, afterCrash.BatchesDone, await StagedCountAsync(runId)));

        await portal.Service<RunJobs>().AssessBatchAsync(runId, batch, CancellationToken.None);
        await portal.FinishAsync(runId);

        var run = await portal.RunAsync(runId);
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.ClustersAssessed));
        Assert.Equal(await ResultCountAsync(import.Run.Id), await ResultCountAsync(runId));
    }

    [Fact]
    public async Task Run_BeforeFinish_ResultsAndScoresAreInvisible()
    {
        var subscription = RunDriver.NewSubscription();
        var import = await portal.ImportAsync(InSubscription(subscription, "aks-invisible"));
        var runId = await portal.QueueAsync($"subscription:{subscription}");
        await portal.PlanAsync(runId);
        await portal.AssessAllBatchesAsync(runId);

        var staged = await StagedCountAsync(runId);
        var visibleBefore = await ResultCountAsync(runId);
        var latestBefore = await LatestRunAsync("aks-invisible");
        var rollupsBefore = await ScopeRollupCountAsync(runId);
        await portal.FinishAsync(runId);

        Assert.True(staged > 0);
        Assert.Equal((0, import.Run.Id, 0), (visibleBefore, latestBefore, rollupsBefore));
        Assert.Equal(staged, await ResultCountAsync(runId));
        Assert.Equal(runId, await LatestRunAsync("aks-invisible"));
        Assert.Equal(2 * 6, await ScopeRollupCountAsync(runId));
    }

    [Fact]
    public async Task Plan_RunTwice_KeepsTheFirstBatches()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-plan-twice"));
        var runId = await portal.QueueAsync($"subscription:{subscription}");

        await portal.PlanAsync(runId);
        await portal.PlanAsync(runId);

        var run = await portal.RunAsync(runId);
        Assert.Equal((RunStatus.Running, 1, 1), (run.Status, run.ClustersTotal, run.BatchesTotal));
        Assert.Single(await portal.BatchNumbersAsync(runId));
    }

    [Fact]
    public async Task Watchdog_RunSilentPastStaleAfter_FailsItAndFreesTheScope()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-stale"));
        var runId = await portal.QueueAsync($"subscription:{subscription}");
        await portal.PlanAsync(runId);

        portal.Factory.Time.Advance(TimeSpan.FromHours(2));
        await portal.Service<RunWatchdogJob>().FailStaleRunsAsync(CancellationToken.None);

        var run = await portal.RunAsync(runId);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("No progress since", run.Error);
        Assert.Equal(0, await StagedCountAsync(runId));
        await portal.Service<RunJobs>().AssessBatchAsync(runId, 1, CancellationToken.None);
        Assert.Equal(0, (await portal.RunAsync(runId)).ClustersAssessed);
        Assert.Equal(RunStatus.Succeeded, (await portal.RunToEndAsync($"subscription:{subscription}")).Status);
    }

    [Fact]
    public async Task Finish_ClusterMissingFromInventory_MarksItGoneAndKeepsItsHistory()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-stays"), InSubscription(subscription, "aks-goes", AllowLocalAccounts));
        portal.Factory.Time.Advance(TimeSpan.FromMinutes(5));
        portal.Source.Hidden.Add("aks-goes");
        AssessmentRun run;
        try
        {
            run = await portal.RunToEndAsync($"subscription:{subscription}");
        }
        finally
        {
            portal.Source.Hidden.Clear();
        }

        await using var db = await portal.CreateDbAsync();
        var gone = await db.Clusters.SingleAsync(c => c.Name == "aks-goes");
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.ClustersTotal));
        Assert.NotNull(gone.GoneAt);
        Assert.Null((await db.Clusters.SingleAsync(c => c.Name == "aks-stays")).GoneAt);
        Assert.NotEmpty(await db.Findings.Where(f => f.ClusterId == gone.Id).ToListAsync());
        Assert.NotEmpty(await db.PillarScoreRollups.Where(r => r.ClusterId == gone.Id).ToListAsync());
        var subscriptionRollup = await db.ScopeScoreRollups.SingleAsync(r => r.RunId == run.Id && r.Scope == $"subscription:{subscription}" && r.Pillar == "overall");
        Assert.Equal(1, subscriptionRollup.Clusters);
        var findings = await portal.Service<FindingQueries>().ListAsync(PortalUser.System, new FindingFilter(SubscriptionId: subscription), 1, 500, CancellationToken.None);
        Assert.DoesNotContain(findings.Items, f => f.ClusterName == "aks-goes");
        var withGone = await portal.Service<FindingQueries>().ListAsync(PortalUser.System, new FindingFilter(SubscriptionId: subscription, IncludeGone: true), 1, 500, CancellationToken.None);
        Assert.Contains(withGone.Items, f => f.ClusterName == "aks-goes" && f.ClusterGone);
    }

    [Fact]
    public async Task Run_ClusterWithUnreadableSnapshot_CountsItFailedAndRunIsPartial()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-readable"), InSubscription(subscription, "aks-broken-snapshot"));
        await using (var db = await portal.CreateDbAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE clusters SET latest_snapshot = '{{\"kind\": \"AksPostureSnapshot\"}}'::jsonb WHERE name = 'aks-broken-snapshot'");
        }

        var run = await portal.RunToEndAsync($"subscription:{subscription}");

        Assert.Equal((RunStatus.Partial, 2, 1, 1), (run.Status, run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed));
    }

    [Fact]
    public void Split_SubscriptionsAroundTheBatchSize_PacksWholeSubscriptionsAndSplitsLargeOnes()
    {
        var clusters = new[] { ("a", 2), ("b", 2), ("c", 5), ("d", 1) }
            .SelectMany(s => Enumerable.Range(0, s.Item2).Select(_ => new ClusterRef(Guid.NewGuid(), s.Item1)))
            .ToList();

        var batches = RunBatches.Split(Guid.NewGuid(), clusters, size: 4);

        Assert.Equal([4, 4, 2], batches.Select(b => b.ClusterIds.Length));
        Assert.Equal([1, 2, 3], batches.Select(b => b.BatchNo));
        Assert.Equal(clusters.Select(c => c.Id).Order(), batches.SelectMany(b => b.ClusterIds).Order());
    }

    private async Task<int> ResultCountAsync(Guid runId)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.RuleResults.CountAsync(r => r.RunId == runId);
    }

    // Rows in the run's own (not yet attached) table, or 0 when there is no such table.
    private async Task<long> StagedCountAsync(Guid runId)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        var table = RunPartitions.TableFor(runId);
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync() is not true)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task<Guid?> LatestRunAsync(string clusterName)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.LatestRunId).SingleAsync();
    }

    private async Task<int> ScopeRollupCountAsync(Guid runId)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.ScopeScoreRollups.CountAsync(r => r.RunId == runId);
    }
}
