using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Fleet;

public sealed class FleetQueriesTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private const string Production = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";

    private static readonly PortalUser Admin = TestUsers.With(PortalRoles.Admin);

    [Fact]
    public async Task GetOverview_AdminWithoutFilters_EqualsTheEnginesRollupOfTheFleet()
    {
        var expected = ScoreRollup.Combine(SampleFleetAssessments.All.Select(c => c.Scores));

        var overview = await OverviewAsync(Admin, ClusterFilter.None);

        Assert.Equal(24, overview.Clusters);
        Assert.True(overview.HasSampleClusters);
        AssertSameScores(expected, overview.Scores);
        Assert.Equal([9, 9, 6], overview.Subscriptions.Select(s => s.Clusters).OrderDescending());
        Assert.Equal(["Data", "Orders", "Payments", "Platform", "Web"], overview.Teams.Select(t => t.Name));
    }

    public static TheoryData<string> Filters => ["team:Orders", "environment:production", "tag:team=payments", $"subscription:{Production}", "team:Data+environment:production"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task GetOverview_Filter_ScoresTheClustersTheSelectionHolds(string description)
    {
        var filter = await FilterAsync(description);
        var names = await SelectedNamesAsync(Admin, filter);
        var clusters = SampleFleetAssessments.All.Where(c => names.Contains(c.Snapshot.Name)).ToList();

        var overview = await OverviewAsync(Admin, filter);

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, overview.Clusters);
        AssertSameScores(ScoreRollup.Combine(clusters.Select(c => c.Scores)), overview.Scores);
        Assert.Equal(clusters.Select(c => c.Snapshot.SubscriptionId).Distinct().Order(), overview.Subscriptions.Select(s => s.SubscriptionId).Order());
        Assert.Equal(names.Count, overview.Subscriptions.Sum(s => s.Clusters));
        Assert.All(overview.WorstClusters, w => Assert.Contains(w.Name, names));
        Assert.Equal(
            clusters.OrderBy(c => c.Scores.Overall).ThenBy(c => c.Snapshot.Name, StringComparer.Ordinal).Take(10).Select(c => c.Snapshot.Name),
            overview.WorstClusters.Select(w => w.Name));
    }

    [Fact]
    public async Task GetOverview_HeatMapCells_EqualTheStoredSubscriptionRollups()
    {
        var subscriptions = SampleFleetAssessments.All.Select(c => c.Snapshot.SubscriptionId).Distinct().ToList();

        // Naming every subscription selects the whole fleet but makes the overview aggregate the clusters in SQL.
        var computed = await OverviewAsync(Admin, new ClusterFilter(SubscriptionIds: subscriptions));
        var unfiltered = await OverviewAsync(Admin, ClusterFilter.None);

        Assert.Equal(3, computed.Subscriptions.Count);
        Assert.Equal(unfiltered.Subscriptions.Select(s => s.SubscriptionId), computed.Subscriptions.Select(s => s.SubscriptionId));
        foreach (var row in computed.Subscriptions)
        {
            using var scope = portal.Factory.Services.CreateScope();
            var rollup = await scope.ServiceProvider.GetRequiredService<ScoreQueries>()
                .GetAsync(Admin, new ScoreScope(ScoreScopeKind.Subscription, row.SubscriptionId), CancellationToken.None);
            AssertSameScores(rollup!.Value.Scores, row.Scores);
            Assert.Equal(rollup.Value.Clusters, row.Clusters);
        }
    }

    [Fact]
    public async Task GetOverview_TeamRows_EqualTheOverviewFilteredByEachTeam()
    {
        var overview = await OverviewAsync(Admin, ClusterFilter.None);

        foreach (var team in overview.Teams)
        {
            var filtered = await OverviewAsync(Admin, new ClusterFilter(TeamId: team.TeamId));
            AssertSameScores(filtered.Scores, team.Scores);
            Assert.Equal(filtered.Clusters, team.Clusters);
        }
    }

    [Fact]
    public async Task GetOverview_ReaderOfPayments_SeesOnlyThePaymentsClustersWhateverTheFilter()
    {
        var reader = TestUsers.With(PortalRoles.Reader, SampleUsers.PaymentsGroupId);
        var payments = SampleFleetAssessments.All.Where(c => c.Snapshot.Tags.GetValueOrDefault("team") == "payments").ToList();

        var overview = await OverviewAsync(reader, ClusterFilter.None);
        var ordersForReader = await OverviewAsync(reader, await FilterAsync("team:Orders"));

        Assert.Equal(payments.Count, overview.Clusters);
        AssertSameScores(ScoreRollup.Combine(payments.Select(c => c.Scores)), overview.Scores);
        Assert.Equal(["Payments"], overview.Teams.Select(t => t.Name));
        Assert.Equal(0, ordersForReader.Clusters);
        Assert.Empty(ordersForReader.WorstClusters);
        Assert.Empty(ordersForReader.MostFailedRules);
    }

    [Theory]
    [InlineData("")]
    [InlineData("environment:production")]
    public async Task GetOverview_MostFailedRules_CountTheClustersWhereTheEngineFailsTheRule(string description)
    {
        var filter = description.Length == 0 ? ClusterFilter.None : await FilterAsync(description);
        var names = await SelectedNamesAsync(Admin, filter);
        var failing = SampleFleetAssessments.All.Where(c => names.Contains(c.Snapshot.Name))
            .SelectMany(c => c.Results.Where(r => r.Status == RuleStatus.Fail).Select(r => (r.RuleId, Cluster: c.Snapshot.Name)).Distinct())
            .GroupBy(x => x.RuleId)
            .ToDictionary(g => g.Key, g => g.Count());

        var overview = await OverviewAsync(Admin, filter);

        Assert.Equal(10, overview.MostFailedRules.Count);
        Assert.All(overview.MostFailedRules, r => Assert.Equal(failing[r.RuleId], r.ClustersFailing));
        Assert.Equal(failing.Values.OrderDescending().Take(10), overview.MostFailedRules.Select(r => r.ClustersFailing));
    }

    [Theory]
    [InlineData("")]
    [InlineData("team:Web")]
    public async Task GetOverview_Trend_EndsAtTheCurrentScores(string description)
    {
        var filter = description.Length == 0 ? ClusterFilter.None : await FilterAsync(description);

        var overview = await OverviewAsync(Admin, filter);
        var trend = await QueryAsync(q => q.GetTrendAsync(Admin, filter, CancellationToken.None));

        // The fleet's trend is read from stored roll-ups with the page; a team's is aggregated, after the first content.
        Assert.Equal(filter.IsEmpty, overview.Trend is not null);
        Assert.Equal(trend.Select(p => (p.At, p.Clusters)), (overview.Trend ?? trend).Select(p => (p.At, p.Clusters)));
        var last = Assert.Single(trend);
        AssertSameScores(overview.Scores, last.Scores);
        Assert.Equal(overview.Clusters, last.Clusters);
    }

    [Fact]
    public async Task GetClusters_SortedByOverallDescending_PagesInScoreOrder()
    {
        await portal.SampleFleetLoadedAsync();

        var first = await QueryAsync(q => q.GetClustersAsync(Admin, ClusterFilter.None, new ClusterListRequest(0, 10, "overall", Descending: true), CancellationToken.None));
        var last = await QueryAsync(q => q.GetClustersAsync(Admin, ClusterFilter.None, new ClusterListRequest(2, 10, "overall", Descending: true), CancellationToken.None));

        Assert.Equal(24, first.Total);
        Assert.Equal(10, first.Rows.Count);
        Assert.Equal(4, last.Rows.Count);
        var overall = first.Rows.Concat(last.Rows).Select(r => r.Scores.Overall ?? -1).ToList();
        Assert.Equal(overall.OrderDescending(), overall);
        Assert.All(first.Rows, r => Assert.NotNull(r.Scores.Overall));
    }

    [Fact]
    public async Task GetClusters_FilteredByEnvironment_ListsOnlyThoseClustersSortedByName()
    {
        var filter = new ClusterFilter(Environment: "Production");
        var names = await SelectedNamesAsync(Admin, filter);

        var page = await QueryAsync(q => q.GetClustersAsync(Admin, filter, new ClusterListRequest(0, 50, "name", Descending: false), CancellationToken.None));

        Assert.Equal(names.Count, page.Total);
        Assert.Equal(names.Order(StringComparer.Ordinal), page.Rows.Select(r => r.Name));
        var payments = page.Rows.Single(r => r.Name == "aks-payments-prod-weu");
        Assert.Equal(("Contoso Production", "production"), (payments.SubscriptionName, payments.Environment));
    }

    private static void AssertSameScores(PillarScores expected, PillarScores actual)
    {
        Assert.Equal(expected.Overall, actual.Overall);
        Assert.All(PillarNames.All, p => Assert.Equal(expected[p], actual[p]));
    }

    /// <summary>Reads "team:Name", "environment:x", "tag:k=v", "subscription:id", joined with '+'.</summary>
    private async Task<ClusterFilter> FilterAsync(string description)
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var filter = ClusterFilter.None;
        foreach (var part in description.Split('+'))
        {
            var (kind, value) = (part[..part.IndexOf(':')], part[(part.IndexOf(':') + 1)..]);
            ClusterFilter.TryParseTag(value, out var key, out var tagValue);
            filter = kind switch
            {
                "team" => filter with { TeamId = (await db.Teams.SingleAsync(t => t.Name == value)).Id },
                "environment" => filter with { Environment = value },
                "subscription" => filter with { SubscriptionId = value },
                _ => filter with { TagKey = key, TagValue = tagValue },
            };
        }

        return filter;
    }

    private async Task<List<string>> SelectedNamesAsync(PortalUser user, ClusterFilter filter)
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var selection = await ClusterSelection.ForAsync(db, user, filter, CancellationToken.None);
        return await selection.Clusters(db).Where(c => c.GoneAt == null).Select(c => c.Name).ToListAsync();
    }

    private async Task<FleetOverview> OverviewAsync(PortalUser user, ClusterFilter filter)
    {
        await portal.SampleFleetLoadedAsync();
        return await QueryAsync(q => q.GetOverviewAsync(user, filter, CancellationToken.None));
    }

    private async Task<T> QueryAsync<T>(Func<FleetQueries, Task<T>> query)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<FleetQueries>());
    }
}
