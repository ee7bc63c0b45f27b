using AksPosture.Web.Features.SampleFleet;

namespace AksPosture.Web.Tests.Features.SampleFleet;

public sealed class SampleFleetLoaderTests
{
    [Fact]
    public void Load_EmbeddedData_Reads24ClustersWithTheirSubscriptionNames()
    {
        var fleet = new SampleFleetLoader().Load();

        Assert.Equal(24, fleet.Clusters.Count);
        Assert.Equal(24, fleet.Clusters.Select(c => c.Id.ToLowerInvariant()).Distinct().Count());
        var subscriptions = fleet.Clusters.Select(c => c.SubscriptionId).Distinct().ToList();
        Assert.Equal(3, subscriptions.Count);
        Assert.All(subscriptions, id => Assert.True(fleet.SubscriptionNames.ContainsKey(id), $"no display name for {id}"));
    }
}
