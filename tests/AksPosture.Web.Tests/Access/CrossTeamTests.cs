using System.Net;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// A Reader of the Payments team (group of the sample Payments team) against the Orders team's clusters: every API that
/// reads cluster data, and the cluster page, answer as if those clusters did not exist.
/// </summary>
public sealed class CrossTeamTests(EntraPortalFixture portal) : IClassFixture<EntraPortalFixture>
{
    [Fact]
    public async Task ClusterPage_OtherTeamsCluster_Is404_OwnClusterOpens()
    {
        var (payments, orders) = await TeamClustersAsync();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var other = await reader.GetAsync($"/clusters/{orders[0].Id}");
        var own = await reader.GetAsync($"/clusters/{payments[0].Id}");
        var asAdmin = await admin.GetAsync($"/clusters/{orders[0].Id}");

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(orders[0].Name, await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains(payments[0].Name, await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Fact]
    public async Task Findings_ReaderOfOneTeam_ListsOnlyThatTeamsFindings()
    {
        var (payments, orders) = await TeamClustersAsync();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        await using var db = await portal.CreateDbAsync();
        var paymentIds = payments.Select(c => c.Id).ToList();
        var expected = await db.Findings.CountAsync(f => paymentIds.Contains(f.ClusterId));

        var all = await (await reader.GetAsync("/api/v1/findings?pageSize=500&includeGone=true")).ReadAsync<PageBody<FindingBody>>();
        var byId = await (await reader.GetAsync($"/api/v1/findings?clusterId={orders[0].Id}")).ReadAsync<PageBody<FindingBody>>();
        var byArmId = await (await reader.GetAsync($"/api/v1/findings?clusterId={Uri.EscapeDataString(orders[0].ArmId)}")).ReadAsync<PageBody<FindingBody>>();

        Assert.True(expected > 0);
        Assert.Equal(expected, all.Total);
        Assert.All(all.Items, f => Assert.Contains(f.ClusterId, paymentIds));
        Assert.Equal((0, 0), (byId.Total, byArmId.Total));
    }

    [Fact]
    public async Task Scores_OtherTeamsCluster_Is404_AndTheFleetIsTheTeamsClustersOnly()
    {
        var (payments, orders) = await TeamClustersAsync();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var other = await reader.GetAsync($"/api/v1/scores?scope=cluster:{Uri.EscapeDataString(orders[0].ArmId)}");
        var fleet = await (await reader.GetAsync("/api/v1/scores?scope=fleet")).ReadAsync<ScoresBody>();
        var adminFleet = await (await admin.GetAsync("/api/v1/scores?scope=fleet")).ReadAsync<ScoresBody>();
        var own = new List<double>();
        foreach (var cluster in payments)
        {
            own.Add((await (await reader.GetAsync($"/api/v1/scores?scope=cluster:{Uri.EscapeDataString(cluster.ArmId)}")).ReadAsync<ScoresBody>()).Overall!.Value);
        }

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(payments.Count, fleet.Clusters);
        Assert.True(adminFleet.Clusters > fleet.Clusters);
        Assert.Equal(Math.Round(own.Average(), 1, MidpointRounding.AwayFromZero), fleet.Overall);
    }

    [Fact]
    public async Task Scores_SubscriptionWithoutTheTeamsClusters_Is404_MixedOneCountsOnlyTheirs()
    {
        var (payments, _) = await TeamClustersAsync();
        var foreign = RunDriver.NewSubscription();
        await portal.ImportAsync(ClusterDocuments.InSubscription(foreign, "aks-no-team"));
        await using var db = await portal.CreateDbAsync();
        var paymentIds = payments.Select(c => c.Id).ToList();
        var bySubscription = await db.Clusters.Where(c => c.GoneAt == null && c.LatestRunId != null)
            .GroupBy(c => c.SubscriptionId)
            .Select(g => new { Id = g.Key, All = g.Count(), Payments = g.Count(c => paymentIds.Contains(c.Id)) })
            .ToListAsync();
        var mixed = bySubscription.First(s => s.Payments > 0 && s.All > s.Payments);
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);

        var mixedScores = await (await reader.GetAsync($"/api/v1/scores?scope=subscription:{mixed.Id}")).ReadAsync<ScoresBody>();
        var foreignScores = await reader.GetAsync($"/api/v1/scores?scope=subscription:{foreign}");
        var foreignTrend = await reader.GetAsync($"/api/v1/scores/trend?scope=subscription:{foreign}");
        var foreignAsAdmin = await admin.GetAsync($"/api/v1/scores?scope=subscription:{foreign}");

        Assert.Equal(mixed.Payments, mixedScores.Clusters);
        Assert.Equal(HttpStatusCode.NotFound, foreignScores.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignTrend.StatusCode);
        Assert.Equal(HttpStatusCode.OK, foreignAsAdmin.StatusCode);
    }

    [Fact]
    public async Task Trend_OtherTeamsCluster_Is404_AndTheFleetTrendCountsTheTeamsClusters()
    {
        var (payments, orders) = await TeamClustersAsync();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);

        var other = await reader.GetAsync($"/api/v1/scores/trend?scope=cluster:{Uri.EscapeDataString(orders[0].ArmId)}");
        var own = await reader.GetAsync($"/api/v1/scores/trend?scope=cluster:{Uri.EscapeDataString(payments[0].ArmId)}");
        var fleet = await (await reader.GetAsync("/api/v1/scores/trend?scope=fleet")).ReadAsync<TrendBody>();
        var current = await (await reader.GetAsync("/api/v1/scores?scope=fleet")).ReadAsync<ScoresBody>();

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotEmpty(fleet.Points);
        Assert.Equal((payments.Count, current.Overall), (fleet.Points[^1].Clusters, fleet.Points[^1].Overall));
    }

    [Fact]
    public async Task Diff_RunOfAnotherTeamsClusters_Is404_ForThatTeamsReaderItIsTheirs()
    {
        var (_, orders) = await TeamClustersAsync();
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        await using var db = await portal.CreateDbAsync();
        var sampleRun = await db.AssessmentRuns.Where(r => r.Trigger == "startup-sample").Select(r => r.Id).SingleAsync();

        // A later run of the Orders team's clusters only.
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var started = await (await admin.PostJsonAsync("/api/v1/assessments", """{"scope":"tag:team=orders"}""")).ReadAsync<AcceptedBody>();
        await admin.FinishedRunAsync(started.Id);
        var url = $"/api/v1/assessments/{started.Id}/diff?against={sampleRun}";

        using var paymentsReader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var ordersReader = portal.ClientAs(EntraPortalFixture.OrdersReader);
        var asPayments = await paymentsReader.GetAsync(url);
        var asOrders = await ordersReader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, asPayments.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOrders.StatusCode);
        var diff = await asOrders.ReadAsync<DiffBody>();
        Assert.All(diff.New.Concat(diff.Resolved).Concat(diff.Reopened), c => Assert.Contains(c.ClusterId, orders.Select(o => o.Id)));
    }

    [Fact]
    public async Task FleetOverviewPage_ReaderOfOneTeam_CountsOnlyTheTeamsClusters()
    {
        var (payments, _) = await TeamClustersAsync();
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);

        var page = await (await reader.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Contains($"{payments.Count} cluster(s) in", page);
    }

    /// <summary>The assessed, current clusters of the sample Payments and Orders teams (tagged team=payments / team=orders).</summary>
    private async Task<(List<Cluster> Payments, List<Cluster> Orders)> TeamClustersAsync()
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var clusters = (await db.Clusters.AsNoTracking().Where(c => c.GoneAt == null && c.LatestRunId != null).ToListAsync())
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        List<Cluster> Team(string name) => clusters.Where(c => c.Tags.Any(t => t.Key.Equals("team", StringComparison.OrdinalIgnoreCase) && t.Value == name)).ToList();
        var (payments, orders) = (Team("payments"), Team("orders"));
        Assert.NotEmpty(payments);
        Assert.NotEmpty(orders);
        return (payments, orders);
    }
}
