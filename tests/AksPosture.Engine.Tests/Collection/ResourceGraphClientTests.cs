using AksPosture.AzureEmulator;
using AksPosture.Engine.Collection;

namespace AksPosture.Engine.Tests.Collection;

public sealed class ResourceGraphClientTests
{
    [Fact]
    public async Task ClustersQuery_MoreClustersThanOnePage_FollowsSkipTokenToTheLastRow()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 2_300, Subscriptions = 40 });

        var rows = await new ResourceGraphClient(azure.Client).QueryAsync(ResourceGraphClient.ClustersQuery, FleetScope.AllSubscriptions, CancellationToken.None);

        Assert.Equal(2_300, rows.Count);
        Assert.Equal(2_300, rows.Select(r => (string?)r["id"]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(3, azure.Emulator.Log.Count(CallKind.ResourceGraph));
    }

    [Fact]
    public async Task SubscriptionNames_FromResourceContainers_NamesEverySubscription()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 10, Subscriptions = 5 });

        var names = await new ResourceGraphClient(azure.Client).SubscriptionNamesAsync(FleetScope.AllSubscriptions, CancellationToken.None);

        Assert.Equal(5, names.Count);
        foreach (var subscription in azure.Emulator.Fleet.Subscriptions)
        {
            Assert.Equal(subscription.Name, names[subscription.Id]);
        }
    }

    [Fact]
    public async Task ClustersQuery_SubscriptionScope_ReturnsOnlyThatSubscription()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 30, Subscriptions = 3 });
        var subscription = azure.Emulator.Fleet.Subscriptions[1].Id;

        var rows = await new ResourceGraphClient(azure.Client).QueryAsync(ResourceGraphClient.ClustersQuery, FleetScope.OfSubscriptions(subscription), CancellationToken.None);

        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(subscription, (string?)r["subscriptionId"]));
    }

    [Fact]
    public async Task ClustersQuery_ManagementGroupScope_ReturnsTheGroupsSubscriptions()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 40, Subscriptions = 4 });

        var rows = await new ResourceGraphClient(azure.Client).QueryAsync(ResourceGraphClient.ClustersQuery, FleetScope.OfManagementGroups("mg-even"), CancellationToken.None);

        var even = azure.Emulator.Fleet.Subscriptions.Where(s => s.Index % 2 == 0).Select(s => s.Id).ToHashSet();
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Contains((string)r["subscriptionId"]!, even));
    }

    [Fact]
    public async Task QueriesBeyondTheQuota_SentTogether_NeverExceedFifteenInFiveSeconds()
    {
        await using var azure = await EmulatedAzure.StartAsync(new EmulatorOptions { Clusters = 5, Subscriptions = 1 });
        var graph = new ResourceGraphClient(azure.Client);
        var started = DateTime.UtcNow;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => graph.SubscriptionNamesAsync(FleetScope.AllSubscriptions, CancellationToken.None)));

        Assert.Equal(20, azure.Emulator.Log.Count(CallKind.ResourceGraph));
        Assert.DoesNotContain(azure.Emulator.Log.Calls, c => c.Kind == CallKind.ResourceGraph && c.Status == 429);
        Assert.True(azure.Emulator.Log.MaxResourceGraphRequestsIn(TimeSpan.FromSeconds(5)) <= 15);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(5), "the 16th query should have waited for the window to slide");
    }
}
