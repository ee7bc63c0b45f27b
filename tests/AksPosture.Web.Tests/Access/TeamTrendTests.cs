using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Access;

/// <summary>A non-admin's fleet trend is computed over their team's clusters, each counting with its latest roll-up at every point.</summary>
public sealed class TeamTrendTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>
{
    private const string GroupId = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";

    [Fact]
    public async Task FleetTrend_TeamMember_CarriesUnchangedClustersForwardAndLeavesOtherTeamsOut()
    {
        var subscription = RunDriver.NewSubscription();
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        using var member = portal.ClientAs(new TestUser("trend-oid", "Tia Trend", [PortalRoles.Reader], [GroupId]));
        (await admin.PostJsonAsync("/api/v1/teams", $$"""{ "name": "Trend team", "subscriptionIds": ["{{subscription}}"], "entraGroupIds": ["{{GroupId}}"] }""")).EnsureSuccessStatusCode();

        var dayOne = await ImportAsync(admin, ClusterDocuments.InSubscription(subscription, "aks-trend-a"), ClusterDocuments.InSubscription(subscription, "aks-trend-b"));
        await ImportAsync(admin, ClusterDocuments.Variant("aks-trend-other-team", ClusterDocuments.FreeTier));
        portal.Factory.Time.Advance(TimeSpan.FromDays(1));
        var dayTwo = await ImportAsync(admin, ClusterDocuments.InSubscription(subscription, "aks-trend-a", ClusterDocuments.AllowLocalAccounts));

        var trend = await (await member.GetAsync("/api/v1/scores/trend?scope=fleet&interval=day")).ReadAsync<TrendBody>();

        Assert.Equal(2, trend.Points.Count);
        Assert.All(trend.Points, p => Assert.Equal(2, p.Clusters));
        Assert.Equal(Mean(dayOne["aks-trend-a"], dayOne["aks-trend-b"]), trend.Points[0].Overall);
        Assert.Equal(Mean(dayTwo["aks-trend-a"], dayOne["aks-trend-b"]), trend.Points[1].Overall);
        Assert.NotEqual(trend.Points[0].Overall, trend.Points[1].Overall);
    }

    private static double Mean(double a, double b) => Math.Round((a + b) / 2, 1, MidpointRounding.AwayFromZero);

    private static async Task<Dictionary<string, double>> ImportAsync(HttpClient admin, params AksPosture.Engine.Snapshots.ClusterSnapshot[] clusters)
    {
        var json = "[" + string.Join(",", clusters.Select(c => c.Resource.ToJsonString())) + "]";
        var body = await (await admin.ImportAsync(json)).ReadAsync<ImportBody>();
        return body.Clusters.ToDictionary(c => c.Name, c => c.Overall!.Value);
    }
}
