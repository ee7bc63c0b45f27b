using System.Net;
using System.Text.Json.Nodes;
using AksPosture.AzureEmulator;
using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Collection;

/// <summary>Runs of a portal configured for live Azure, against the emulator.</summary>
public sealed class LiveAzureRunTests
{
    private const string DiagnosticsRule = "AKS-OPS-03";
    private const string DiagnosticsPermission = "Microsoft.Insights/diagnosticSettings/read";

    [Fact]
    public async Task Run_DiagnosticSettingsForbidden_StoresTheFleetWithScoresAndShowsErrorAndProblem()
    {
        await using var portal = await LiveAzurePortal.StartAsync();
        portal.Emulator.Faults.Forbid(CallKind.DiagnosticSettings);

        var run = await portal.RunToEndAsync("fleet");

        Assert.Equal((RunStatus.Succeeded, 6, 6, 0, 6), (run.Status, run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed, run.ClustersCollected));
        await using var db = await portal.CreateDbAsync();
        var clusters = await db.Clusters.AsNoTracking().ToListAsync();
        Assert.Equal(portal.Emulator.Fleet.Clusters.Select(c => c.Id.ToLowerInvariant()).Order(), clusters.Select(c => c.ArmIdKey).Order());
        Assert.All(clusters, c => Assert.Equal((run.Id, false, null), (c.LatestRunId, c.IsSample, c.GoneAt)));
        Assert.Equal(["Contoso Subscription 000", "Contoso Subscription 001"], await db.Subscriptions.Select(s => s.DisplayName).OrderBy(n => n).ToListAsync());
        var overall = await db.PillarScoreRollups.Where(r => r.RunId == run.Id && r.Pillar == PillarScoreRollup.Overall).ToListAsync();
        Assert.Equal(6, overall.Count(r => r.Score is not null));
        var diagnostics = await db.RuleResults.Where(r => r.RunId == run.Id && r.RuleId == DiagnosticsRule).ToListAsync();
        Assert.Equal(6, diagnostics.Count);
        Assert.All(diagnostics, r => Assert.Equal(RuleStatus.Error, r.Status));
        Assert.All(diagnostics, r => Assert.Contains(DiagnosticsPermission, r.Message, StringComparison.Ordinal));
        Assert.Contains(await db.RuleResults.Where(r => r.RunId == run.Id).Select(r => r.Status).Distinct().ToListAsync(), s => s is RuleStatus.Pass or RuleStatus.Fail);

        var page = await ClusterPageAsync(portal, clusters[0].Id);
        Assert.Contains("Collection problems", page, StringComparison.Ordinal);
        Assert.Contains("data-data-set=\"diagnosticSettings\"", page, StringComparison.Ordinal);
        Assert.Contains(DiagnosticsPermission, page, StringComparison.Ordinal);
        Assert.Contains("collected from Azure 2026-11-02 09:00 UTC", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DataSetRefusedAfterAnEarlierRead_IsErrorAndKeepsTheEarlierValue()
    {
        await using var portal = await LiveAzurePortal.StartAsync();
        var first = await portal.RunToEndAsync("fleet");
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        portal.Emulator.Faults.Forbid(CallKind.DiagnosticSettings);

        var second = await portal.RunToEndAsync("fleet");

        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (first.Status, second.Status));
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(0, await db.RuleResults.CountAsync(r => r.RunId == first.Id && r.RuleId == DiagnosticsRule && r.Status == RuleStatus.Error));
        Assert.Equal(6, await db.RuleResults.CountAsync(r => r.RunId == second.Id && r.RuleId == DiagnosticsRule && r.Status == RuleStatus.Error));
        var collections = await db.ClusterCollections.AsNoTracking().ToListAsync();
        Assert.Equal(6, collections.Count);
        foreach (var collection in collections)
        {
            var kept = JsonNode.Parse(collection.RetainedDataSets)!["diagnosticSettings"]!;
            Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), kept["collectedAt"]!.GetValue<DateTimeOffset>());
            Assert.NotNull(kept["data"]);
            Assert.Equal((second.Id, new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)), (collection.RunId, collection.CollectedAt));
        }

        var page = await ClusterPageAsync(portal, collections[0].ClusterId);
        Assert.Matches("data-data-set=\"diagnosticSettings\"(.|\\n)*2026-11-02 09:00 UTC", page);
    }

    [Fact]
    public async Task Run_AzureFailsEverything_FailsNamingWhyAndKeepsTheEarlierSnapshots()
    {
        await using var portal = await LiveAzurePortal.StartAsync();
        var first = await portal.RunToEndAsync("fleet");
        var before = await StoredAsync(portal);
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        foreach (var kind in new[] { CallKind.ResourceGraph, CallKind.DiagnosticSettings, CallKind.DiagnosticCategories, CallKind.Metrics, CallKind.MaintenanceConfigurations, CallKind.DefenderPricing, CallKind.ListClusterUserCredential, CallKind.AgentPools, CallKind.Cluster })
        {
            portal.Emulator.Faults.Forbid(kind);
        }

        var second = await portal.RunToEndAsync("fleet");

        Assert.Equal(RunStatus.Failed, second.Status);
        Assert.Contains("403", second.Error, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ResourceGraph/resources/read", second.Error, StringComparison.Ordinal);
        Assert.Contains("keeps its last snapshot", second.Error, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync(portal));
        await using var db = await portal.CreateDbAsync();
        Assert.All(await db.Clusters.ToListAsync(), c => Assert.Equal((first.Id, null), (c.LatestRunId, c.GoneAt)));
        Assert.Equal(0, await db.PillarScoreRollups.CountAsync(r => r.RunId == second.Id));
    }

    [Fact]
    public async Task Run_SubscriptionNoLongerReadable_ItsClustersKeepTheirSnapshotsAndTheRunIsPartial()
    {
        await using var portal = await LiveAzurePortal.StartAsync();
        var first = await portal.RunToEndAsync("fleet");
        var lost = portal.Emulator.Fleet.Subscriptions[1].Id;
        var before = await StoredAsync(portal);
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        portal.Emulator.Faults.HideSubscription(lost);

        var second = await portal.RunToEndAsync("fleet");

        Assert.Equal((RunStatus.Partial, 6, 3, 3), (second.Status, second.ClustersTotal, second.ClustersAssessed, second.ClustersFailed));
        Assert.Contains(lost, second.Error, StringComparison.Ordinal);
        await using var db = await portal.CreateDbAsync();
        var clusters = await db.Clusters.AsNoTracking().ToListAsync();
        Assert.All(clusters, c => Assert.Null(c.GoneAt));
        var kept = clusters.Where(c => c.SubscriptionId == lost).ToList();
        Assert.Equal(3, kept.Count);
        Assert.All(kept, c => Assert.Equal((first.Id, before[c.Id]), (c.LatestRunId, c.LatestSnapshot)));
        Assert.All(clusters.Where(c => c.SubscriptionId != lost), c => Assert.Equal(second.Id, c.LatestRunId));
        var failures = await db.ClusterCollections.Where(k => k.FailedRunId == second.Id).Select(k => k.ClusterId).ToListAsync();
        Assert.Equal(kept.Select(c => c.Id).Order(), failures.Order());

        var page = WebUtility.HtmlDecode(await ClusterPageAsync(portal, kept[0].Id));
        Assert.Contains($"Subscription {lost} could not be read from Azure", page, StringComparison.Ordinal);
        Assert.Contains("collected from Azure 2026-11-02 09:00 UTC", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TagScope_CollectsOnlyTaggedClustersAndMarksNoOtherGone()
    {
        await using var portal = await LiveAzurePortal.StartAsync();
        await portal.RunToEndAsync("fleet");
        var (key, value) = FirstTag(portal.Emulator);
        var tagged = portal.Emulator.Fleet.Clusters.Where(c => Tag(c.Resource, key) == value).Select(c => c.Id.ToLowerInvariant()).ToList();
        Assert.InRange(tagged.Count, 1, 5);
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var diagnosticReadsBefore = portal.Emulator.Log.Count(CallKind.DiagnosticSettings);

        var run = await portal.RunToEndAsync($"tag:{key}={value}");

        Assert.Equal((RunStatus.Succeeded, tagged.Count, tagged.Count), (run.Status, run.ClustersTotal, run.ClustersAssessed));
        Assert.Equal(tagged.Count, portal.Emulator.Log.Count(CallKind.DiagnosticSettings) - diagnosticReadsBefore);
        await using var db = await portal.CreateDbAsync();
        var clusters = await db.Clusters.AsNoTracking().ToListAsync();
        Assert.All(clusters, c => Assert.Null(c.GoneAt));
        Assert.Equal(tagged.Order(), clusters.Where(c => c.LatestRunId == run.Id).Select(c => c.ArmIdKey).Order());
    }

    [Fact]
    public async Task Plan_WhileCollecting_WritesClustersCollectedOfTheInventoryToTheQueuedRun()
    {
        await using var portal = await LiveAzurePortal.StartAsync(
            new EmulatorOptions { Clusters = 6, Subscriptions = 2, Latency = TimeSpan.FromMilliseconds(120) },
            new Dictionary<string, string> { ["Azure:MaxConcurrency"] = "1", ["Azure:CollectKubernetes"] = "false" });
        var runId = await portal.QueueAsync("fleet");

        var plan = portal.PlanAsync(runId);
        var seen = new List<(RunStatus Status, int Total, int? Collected)>();
        await Eventually.Async(async () =>
        {
            var run = await portal.RunAsync(runId);
            seen.Add((run.Status, run.ClustersTotal, run.ClustersCollected));
            return run.Status != RunStatus.Queued;
        }, "the run to be planned");
        await plan;

        Assert.Contains(seen, s => s.Status == RunStatus.Queued && s.Total == 6 && s.Collected is > 0 and < 6);
        var planned = await portal.RunAsync(runId);
        Assert.Equal((RunStatus.Running, 6, 6), (planned.Status, planned.ClustersTotal, planned.ClustersCollected));
        Assert.NotNull(planned.StartedAt);
    }

    private static async Task<string> ClusterPageAsync(LiveAzurePortal portal, Guid clusterId)
    {
        using var client = portal.Factory.CreateClient();
        return await client.GetStringAsync($"/clusters/{clusterId}");
    }

    private static async Task<Dictionary<Guid, string>> StoredAsync(LiveAzurePortal portal)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.LatestSnapshot);
    }

    private static (string Key, string Value) FirstTag(AzureEmulatorServer emulator)
    {
        var tags = emulator.Fleet.Clusters.SelectMany(c => (c.Resource["tags"] as JsonObject ?? []).Select(t => (Key: t.Key.ToLowerInvariant(), Value: (string?)t.Value)))
            .Where(t => t.Value is not null)
            .GroupBy(t => t)
            .First(g => g.Count() < emulator.Fleet.Clusters.Count)
            .Key;
        return (tags.Key, tags.Value!);
    }

    private static string? Tag(JsonObject resource, string key) =>
        (resource["tags"] as JsonObject ?? []).FirstOrDefault(t => t.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
}
