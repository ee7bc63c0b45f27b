using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Subscriptions;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Subscriptions;

public sealed class SubscriptionQueriesTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private const string Production = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";

    [Fact]
    public async Task GetAsync_Production_ListsEachFailingRuleWithTheEnginesGainForTheSubscription()
    {
        var clusters = SampleFleetAssessments.All.Where(c => c.Snapshot.SubscriptionId == Production).ToList();

        var detail = await GetAsync(TestUsers.With(PortalRoles.Admin), Production, ClusterFilter.None);

        Assert.NotNull(detail);
        Assert.Equal(clusters.Count, detail.Current.Clusters);
        Assert.Equal(ScoreRollup.Combine(clusters.Select(c => c.Scores)).Overall, detail.Current.Scores.Overall);
        var failing = clusters.SelectMany(SampleFleetAssessments.Findings).Select(r => r.RuleId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(failing, detail.Rules.Select(r => r.Example.RuleId).Order(StringComparer.Ordinal));
        foreach (var view in detail.Rules)
        {
            var affected = clusters.Where(c => SampleFleetAssessments.Findings(c).Any(r => r.RuleId == view.Example.RuleId)).Select(c => c.Snapshot.Name);
            Assert.Equal(affected.Order(StringComparer.Ordinal), view.Clusters.Select(c => c.Name));
            Assert.Equal(SampleFleetAssessments.GroupGain(clusters, view.Example), (view.PillarIncrease, view.OverallIncrease));
            Assert.NotEmpty(view.Example.Evidence);
        }

        Assert.Contains(detail.Rules, r => r.PillarIncrease > 0);
    }

    [Fact]
    public async Task GetAsync_ReaderOfPayments_SeesOnlyThePaymentsClustersOfTheSubscription()
    {
        var payments = SampleFleetAssessments.All
            .Where(c => c.Snapshot.SubscriptionId == Production && c.Snapshot.Tags.GetValueOrDefault("team") == "payments").ToList();

        var detail = await GetAsync(TestUsers.With(PortalRoles.Reader, SampleUsers.PaymentsGroupId), Production, ClusterFilter.None);

        Assert.NotNull(detail);
        Assert.Equal(payments.Count, detail.Current.Clusters);
        Assert.Equal(ScoreRollup.Combine(payments.Select(c => c.Scores)).Overall, detail.Current.Scores.Overall);
        Assert.All(detail.Rules.SelectMany(r => r.Clusters), c => Assert.Contains(c.Name, payments.Select(p => p.Snapshot.Name)));
    }

    [Fact]
    public async Task GetAsync_UnknownOrInvisibleSubscription_IsNull()
    {
        Assert.Null(await GetAsync(TestUsers.With(PortalRoles.Admin), "00000000-0000-0000-0000-00000000dead", ClusterFilter.None));
        Assert.Null(await GetAsync(TestUsers.With(PortalRoles.Reader, "no-team"), Production, ClusterFilter.None));
    }

    [Fact]
    public async Task GetAsync_OneRunSoFar_HasNoChangesToShow()
    {
        var detail = await GetAsync(TestUsers.With(PortalRoles.Admin), Production, ClusterFilter.None);

        Assert.Null(detail!.Changes);
        Assert.Single(detail.Trend);
    }

    private async Task<SubscriptionDetail?> GetAsync(PortalUser user, string id, ClusterFilter filter)
    {
        await portal.SampleFleetLoadedAsync();
        using var scope = portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SubscriptionQueries>().GetAsync(user, id, filter, CancellationToken.None);
    }
}
