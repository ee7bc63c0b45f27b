using System.Net;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.SampleFleet;

public sealed class SampleFleetJobTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private static readonly string[] SubscriptionNames = ["Contoso Production", "Contoso Non-Production", "Contoso Platform Sandbox"];

    [Fact]
    public async Task SampleFleetJob_FreshDatabase_Stores24SampleClustersIn3Subscriptions()
    {
        await SeedingFinishedAsync();

        await using var db = await CreateDbAsync();
        var run = await db.AssessmentRuns.SingleAsync();
        Assert.Equal((SampleFleetJob.Trigger, RunStatus.Succeeded, 24), (run.Trigger, run.Status, run.ClustersAssessed));
        Assert.Equal(24, await db.Clusters.CountAsync(c => c.IsSample && c.LatestRunId == run.Id));
        Assert.Equal(SubscriptionNames.Order(), (await db.Subscriptions.Select(s => s.DisplayName).ToListAsync()).Order());
        Assert.Equal(24 * 6, await db.PillarScoreRollups.CountAsync());
    }

    [Fact]
    public async Task SampleFleetJob_RunAgain_DoesNotSeedTwice()
    {
        await SeedingFinishedAsync();

        await portal.Service<SampleFleetJob>().SeedAsync(CancellationToken.None);

        await using var db = await CreateDbAsync();
        Assert.Equal(1, await db.AssessmentRuns.CountAsync(r => r.Trigger == SampleFleetJob.Trigger));
        Assert.Equal(24, await db.Clusters.CountAsync());
    }

    [Fact]
    public async Task FleetPage_SampleFleet_ShowsTheSampleBannerAndSubscriptionNames()
    {
        await SeedingFinishedAsync();
        using var client = portal.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/"));

        Assert.Contains("Sample data — these clusters are invented examples, not read from Azure", html);
        Assert.All(SubscriptionNames, name => Assert.Contains(name, html));
    }

    [Fact]
    public async Task ClusterPage_SampleCluster_ShowsResultsWithEvidenceAndRemediation()
    {
        await SeedingFinishedAsync();
        await using var db = await CreateDbAsync();
        var cluster = await db.Clusters.SingleAsync(c => c.Name == "aks-orders-prod-weu");
        using var client = portal.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/clusters/{cluster.Id}"));

        Assert.Contains("aks-orders-prod-weu", html);
        Assert.Contains("Contoso Production", html);
        Assert.Contains("Sample data — these clusters are invented examples", html);
        Assert.Contains("data-status=\"FAIL\"", html);
        Assert.Contains("Remediation:", html);
        Assert.Contains("(absent)", html);
    }

    [Fact]
    public async Task ClusterPage_UnknownId_Returns404()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/clusters/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task SeedingFinishedAsync() => portal.SampleFleetLoadedAsync();

    private Task<AppDbContext> CreateDbAsync() =>
        portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
