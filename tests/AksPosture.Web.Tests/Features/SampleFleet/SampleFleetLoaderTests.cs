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

    [Fact]
    public void Load_EmbeddedData_PairsKubernetesObjectsWithEightClustersButNotTheStoppedOne()
    {
        var fleet = new SampleFleetLoader().Load();

        var withObjects = fleet.Clusters.Where(c => c.Kubernetes is not null).ToList();

        Assert.Equal(8, withObjects.Count);
        Assert.Contains(withObjects, c => c.Name == "aks-payments-prod-weu" && c.Kubernetes!.OfKind("Deployment").Count > 0);
        Assert.DoesNotContain(withObjects, c => c.Name == "aks-data-dev-swc");
        Assert.All(withObjects, c => Assert.Empty(c.Kubernetes!.OfKind("Secret")));
    }
}
