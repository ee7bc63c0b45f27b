using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Subscriptions;

/// <summary>Changes since the previous run, on a portal whose sample fleet is then assessed again with one cluster changed.</summary>
public sealed class RunChangesTests(WorkerPortalFixture portal) : IClassFixture<WorkerPortalFixture>
{
    private const string Subscription = "7d0c5e1a-0000-4000-8000-00000000c4a9";

    [Fact]
    public async Task GetAsync_SecondImportAllowsLocalAccounts_ShowsTheNewFindingOnThatClusterOnly()
    {
        await portal.ImportAsync(
            ClusterDocuments.InSubscription(Subscription, "aks-changes-a"), ClusterDocuments.InSubscription(Subscription, "aks-changes-b"));
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        await portal.ImportAsync(
            ClusterDocuments.InSubscription(Subscription, "aks-changes-a", ClusterDocuments.AllowLocalAccounts),
            ClusterDocuments.InSubscription(Subscription, "aks-changes-b"));

        var changedCluster = await ChangesAsync("aks-changes-a");
        var unchangedCluster = await ChangesAsync("aks-changes-b");

        Assert.NotNull(changedCluster);
        Assert.NotEqual(0, changedCluster.Diff.NewCount);
        Assert.All(changedCluster.Diff.New, c => Assert.Equal("aks-changes-a", c.ClusterName));
        Assert.Contains(changedCluster.Diff.New, c => c.Result == "FAIL");
        Assert.Equal(0, changedCluster.Diff.ResolvedCount);
        Assert.NotNull(unchangedCluster);
        Assert.Equal((0, 0, 0), (unchangedCluster.Diff.NewCount, unchangedCluster.Diff.ResolvedCount, unchangedCluster.Diff.ReopenedCount));
        Assert.Equal(changedCluster.LaterRunId, unchangedCluster.LaterRunId);
    }

    private async Task<RunChanges?> ChangesAsync(string clusterName)
    {
        await using var db = await portal.CreateDbAsync();
        var id = await db.Clusters.Where(c => c.Name == clusterName).Select(c => c.Id).SingleAsync();
        var selection = await ClusterSelection.ForAsync(db, PortalUser.System, new ClusterFilter(ClusterId: id), CancellationToken.None);
        return await portal.Service<RunChangeQueries>().GetAsync(selection, CancellationToken.None);
    }
}
