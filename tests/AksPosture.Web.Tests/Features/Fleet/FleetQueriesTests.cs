using AksPosture.Engine.Assessment;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Fleet;

public sealed class FleetQueriesTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    [Fact]
    public async Task GetOverview_SampleFleet_EqualsTheEnginesRollup()
    {
        await SeedingFinishedAsync();
        var fleet = new SampleFleetLoader().Load();
        var expected = ScoreRollup.Combine(fleet.Clusters.Select(c => ClusterAssessor.Assess(c).Scores));

        var overview = await QueryAsync(q => q.GetOverviewAsync(PortalUser.System, CancellationToken.None));

        Assert.Equal(24, overview.Clusters);
        Assert.True(overview.HasSampleClusters);
        Assert.Equal(expected.Overall, overview.Scores.Overall);
        Assert.All(expected.Pillars, p => Assert.Equal(p.Value.Score, overview.Scores[p.Key]));
        Assert.Equal([9, 9, 6], overview.Subscriptions.Select(s => s.Clusters).OrderDescending());
    }

    [Fact]
    public async Task GetClusters_SortedByOverallDescending_PagesInScoreOrder()
    {
        await SeedingFinishedAsync();

        var first = await QueryAsync(q => q.GetClustersAsync(PortalUser.System, new ClusterListRequest(0, 10, "overall", Descending: true), CancellationToken.None));
        var last = await QueryAsync(q => q.GetClustersAsync(PortalUser.System, new ClusterListRequest(2, 10, "overall", Descending: true), CancellationToken.None));

        Assert.Equal(24, first.Total);
        Assert.Equal(10, first.Rows.Count);
        Assert.Equal(4, last.Rows.Count);
        var overall = first.Rows.Concat(last.Rows).Select(r => r.Scores.Overall ?? -1).ToList();
        Assert.Equal(overall.OrderDescending(), overall);
        Assert.All(first.Rows, r => Assert.NotNull(r.Scores.Overall));
    }

    [Fact]
    public async Task GetClusters_SortedByName_ShowsSubscriptionAndEnvironment()
    {
        await SeedingFinishedAsync();

        var page = await QueryAsync(q => q.GetClustersAsync(PortalUser.System, new ClusterListRequest(0, 50, "name", Descending: false), CancellationToken.None));

        Assert.Equal(page.Rows.Select(r => r.Name).Order(StringComparer.Ordinal), page.Rows.Select(r => r.Name));
        var payments = page.Rows.Single(r => r.Name == "aks-payments-prod-weu");
        Assert.Equal(("Contoso Production", "production"), (payments.SubscriptionName, payments.Environment));
    }

    private async Task<T> QueryAsync<T>(Func<FleetQueries, Task<T>> query)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<FleetQueries>());
    }

    private Task SeedingFinishedAsync() => portal.SampleFleetLoadedAsync();
}
