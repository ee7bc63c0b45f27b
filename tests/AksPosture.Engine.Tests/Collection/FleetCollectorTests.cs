using AksPosture.AzureEmulator;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Collection;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Tests.Collection;

public sealed class FleetCollectorTests
{
    private static readonly string[] ExpectedDataSets =
    [
        AzureDataSets.DiagnosticSettings, AzureDataSets.DiagnosticCategories, AzureDataSets.MaintenanceConfigurations, AzureDataSets.DefenderPlan,
        AzureDataSets.AdvisorRecommendations, AzureDataSets.PolicyAssignments, AzureDataSets.PolicyStates,
        AzureDataSets.BackupInstances, AzureDataSets.Extensions, AzureDataSets.FluxConfigurations,
    ];

    [Fact]
    public async Task CollectAsync_EmulatedFleet_FillsEveryDataSetOfEveryCluster()
    {
        await using var azure = await EmulatedAzure.StartAsync();

        var fleet = await azure.CollectAsync();

        Assert.Equal(24, fleet.Clusters.Count);
        Assert.Equal(1, fleet.InventoryQueries);
        Assert.Equal(3, fleet.SubscriptionNames.Count);
        foreach (var cluster in fleet.Clusters)
        {
            Assert.Empty(cluster.Azure.Problems);
            Assert.All(ExpectedDataSets, name => Assert.True(cluster.Azure.TryGet(name, out _), $"{cluster.Name} lacks {name}"));
            Assert.Equal(!IsStopped(cluster), cluster.Azure.TryGet(AzureDataSets.Metrics, out _));
        }
    }

    [Fact]
    public async Task CollectAsync_Include_CollectsOnlyChosenClustersAndListsTheOthersAsExcluded()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 8, Subscriptions = 2 });
        var chosen = azure.Emulator.Fleet.Subscriptions[0].Id;

        var fleet = await new FleetCollector(azure.Client).CollectAsync(
            new FleetCollectorOptions { CollectKubernetes = false, Include = c => c.SubscriptionId == chosen }, null, CancellationToken.None);

        Assert.Equal(4, fleet.Clusters.Count);
        Assert.All(fleet.Clusters, c => Assert.Equal(chosen, c.SubscriptionId));
        Assert.Equal(4, fleet.Excluded.Count);
        Assert.All(fleet.Excluded, c => Assert.NotEqual(chosen, c.SubscriptionId));
        Assert.Equal(4, azure.Emulator.Log.Count(CallKind.DiagnosticSettings));
        Assert.DoesNotContain(azure.Emulator.Log.Calls, c => c.Kind == CallKind.DiagnosticSettings && !c.Path.Contains(chosen, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task CollectAsync_RowsOfTables_GoToTheirOwnClusters()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 16, Subscriptions = 2 });

        var fleet = await azure.CollectAsync();

        var byIndex = azure.Emulator.Fleet.Clusters.ToDictionary(c => c.Id, c => c.Index, StringComparer.OrdinalIgnoreCase);
        foreach (var cluster in fleet.Clusters)
        {
            var index = byIndex[cluster.Id];
            var advisor = Items(cluster, AzureDataSets.AdvisorRecommendations);
            Assert.Equal((index % 4 == 0 ? 1 : 0) + (index % 8 == 0 ? 1 : 0), advisor.Count);
            Assert.Equal(index % 3 == 0 ? 1 : 0, Items(cluster, AzureDataSets.BackupInstances).Count);
            Assert.Equal(index % 2 == 0 ? 1 : 0, Items(cluster, AzureDataSets.Extensions).Count);
            Assert.Equal(index % 3 == 0 ? 0 : 1, Items(cluster, AzureDataSets.DiagnosticSettings).Count);
        }
    }

    [Fact]
    public async Task CollectedSnapshots_Assessed_RulesReadingCollectedDataGiveVerdicts()
    {
        await using var azure = await EmulatedAzure.StartAsync();

        var fleet = await azure.CollectAsync();

        foreach (var cluster in fleet.Clusters)
        {
            var results = ClusterAssessor.Assess(cluster).Results;
            var advisor = Assert.Single(results, r => r.RuleId == "AKS-ADV-01" && !r.IsObjectResult);
            Assert.Contains(advisor.Status, new[] { RuleStatus.Pass, RuleStatus.Warn, RuleStatus.Fail });
            var diagnostics = results.Where(r => !r.IsObjectResult && r.Evidence.Any(e => e.Path == "azure.diagnosticSettings")).ToList();
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, r => Assert.NotEqual(RuleStatus.Error, r.Status));
            Assert.Contains(diagnostics, r => r.Status is RuleStatus.Pass or RuleStatus.Fail or RuleStatus.Warn);
        }
    }

    [Fact]
    public async Task CollectAsync_DiagnosticSettingsForbidden_TheirRulesErrorNamingThePermissionWhileOthersCount()
    {
        await using var azure = await EmulatedAzure.StartAsync();
        azure.Emulator.Faults.Forbid(CallKind.DiagnosticSettings);

        var fleet = await azure.CollectAsync();

        foreach (var cluster in fleet.Clusters)
        {
            var problem = Assert.Single(cluster.Azure.Problems);
            Assert.Equal(AzureDataSets.DiagnosticSettings, problem.DataSet);
            Assert.Equal("Microsoft.Insights/diagnosticSettings/read", problem.MissingPermission);
            Assert.True(cluster.Azure.TryGet(AzureDataSets.MaintenanceConfigurations, out _));

            var assessment = ClusterAssessor.Assess(cluster);
            var failed = assessment.Results.Where(r => r.Evidence.Any(e => e.Path == "azure.diagnosticSettings")).ToList();
            Assert.NotEmpty(failed);
            Assert.Contains(failed, r => r.Status == RuleStatus.Error && r.Message.Contains("Microsoft.Insights/diagnosticSettings/read", StringComparison.Ordinal));
            Assert.DoesNotContain(failed, r => r.Status == RuleStatus.Pass);
            var judgedFromArm = assessment.Results.Count(r => !r.IsObjectResult && r.Status is RuleStatus.Pass or RuleStatus.Fail or RuleStatus.Warn
                && r.Evidence.Any(e => e.Path.StartsWith("properties.", StringComparison.Ordinal)));
            Assert.True(judgedFromArm >= 10, $"only {judgedFromArm} rules judged {cluster.Name} from its ARM resource");
            Assert.NotNull(assessment.Scores.Overall);
        }
    }

    [Fact]
    public async Task CollectAsync_StoppedCluster_SkipsMetricsAndKubernetes()
    {
        await using var azure = await EmulatedAzure.StartAsync();
        var stopped = azure.Emulator.Fleet.Clusters.First(c => c.IsStopped);

        var fleet = await azure.CollectAsync(kubernetes: true);

        var cluster = Assert.Single(fleet.Clusters, c => c.Id == stopped.Id);
        Assert.False(cluster.Azure.TryGet(AzureDataSets.Metrics, out _));
        Assert.Null(cluster.Kubernetes);
        Assert.Null(cluster.KubernetesProblem);
        Assert.DoesNotContain(azure.Emulator.Log.Calls, c => c.Path.Contains(stopped.Name, StringComparison.Ordinal) && c.Kind is CallKind.Metrics or CallKind.ListClusterUserCredential);
    }

    [Fact]
    public async Task CollectAsync_DefenderPlan_ReadOncePerSubscription()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 30, Subscriptions = 4 });

        var fleet = await azure.CollectAsync();

        Assert.Equal(4, azure.Emulator.Log.Count(CallKind.DefenderPricing));
        Assert.All(fleet.Clusters, c => Assert.True(c.Azure.TryGet(AzureDataSets.DefenderPlan, out var plan) && plan?["properties"]?["pricingTier"] is not null));
    }

    [Fact]
    public async Task CollectAsync_DiagnosticCategories_ReadOncePerRunForEveryCluster()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 30, Subscriptions = 4 });

        var fleet = await azure.CollectAsync();

        Assert.Equal(1, azure.Emulator.Log.Count(CallKind.DiagnosticCategories));
        Assert.Equal(1, azure.Client.Statistics.Calls["diagnosticCategories"]);
        Assert.Equal(30, azure.Client.Statistics.Calls["diagnosticSettings"]);
        Assert.All(fleet.Clusters, c =>
        {
            Assert.True(c.Azure.TryGet(AzureDataSets.DiagnosticCategories, out var categories));
            var audit = categories!["value"]!.AsArray().Single(i => (string?)i!["name"] == "kube-audit")!;
            Assert.Equal(["allLogs", "audit"], audit["properties"]!["categoryGroups"]!.AsArray().Select(g => (string?)g));
        });
    }

    [Fact]
    public async Task CollectAsync_DiagnosticCategoriesForbidden_AProblemOnEachClusterNamingThePermission()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 6, Subscriptions = 2 });
        azure.Emulator.Faults.Forbid(CallKind.DiagnosticCategories);

        var fleet = await azure.CollectAsync();

        Assert.Equal(6, fleet.Clusters.Count);
        Assert.All(fleet.Clusters, c =>
        {
            var problem = Assert.Single(c.Azure.Problems);
            Assert.Equal(AzureDataSets.DiagnosticCategories, problem.DataSet);
            Assert.Equal("Microsoft.Insights/diagnosticSettingsCategories/read", problem.MissingPermission);
            Assert.True(c.Azure.TryGet(AzureDataSets.DiagnosticSettings, out _));
            // The emulated settings name their categories, so the diagnostics rule does not need the list.
            Assert.NotEqual(RuleStatus.Error, ClusterAssessor.Assess(c).Results.Single(r => r.RuleId == "AKS-OPS-03" && !r.IsObjectResult).Status);
        });
    }

    [Fact]
    public async Task CollectAsync_DiagnosticCategoriesReadFails_TheNextClusterReadsThemAgain()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 4, Subscriptions = 1 });
        azure.Emulator.Faults.FailNext(CallKind.DiagnosticCategories, 403);

        var fleet = await new FleetCollector(azure.Client).CollectAsync(new FleetCollectorOptions { CollectKubernetes = false, MaxConcurrency = 1 }, null, CancellationToken.None);

        Assert.Equal(2, azure.Emulator.Log.Count(CallKind.DiagnosticCategories));
        var failed = Assert.Single(fleet.Clusters, c => c.Azure.ProblemWith(AzureDataSets.DiagnosticCategories) is not null);
        Assert.False(failed.Azure.TryGet(AzureDataSets.DiagnosticCategories, out _));
        Assert.All(fleet.Clusters.Where(c => c != failed), c => Assert.True(c.Azure.TryGet(AzureDataSets.DiagnosticCategories, out _)));
    }

    [Fact]
    public async Task CollectAsync_CancelledWhileCollecting_StopsCallingAzure()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 400, Subscriptions = 20, Latency = TimeSpan.FromMilliseconds(50) });
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage == CollectionStages.Azure && p.Done >= 20)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => azure.CollectAsync(progress: progress, cancellationToken: cancel.Token));

        // Requests already on the wire when the run stopped may still arrive; after that, nothing more is sent.
        await Task.Delay(300);
        var callsAfterStop = azure.Emulator.Log.Calls.Count;
        await Task.Delay(700);
        Assert.Equal(callsAfterStop, azure.Emulator.Log.Calls.Count);
        Assert.True(azure.Emulator.Log.Count(CallKind.DiagnosticSettings) < 400, "collection went on after cancellation");
    }

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> Items(ClusterSnapshot cluster, string dataSet) =>
        cluster.Azure.TryGet(dataSet, out var data) ? AzureDataProbe.Items(data) : throw new InvalidOperationException($"{dataSet} missing");

    private static bool IsStopped(ClusterSnapshot cluster) =>
        string.Equals((string?)cluster.Resource["properties"]?["powerState"]?["code"], "Stopped", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reports on the caller's thread, so a test can react before the next call goes out.</summary>
internal sealed class SynchronousProgress(Action<CollectionProgress> report) : IProgress<CollectionProgress>
{
    public void Report(CollectionProgress value) => report(value);
}
