using System.Net;
using AksPosture.Engine.Rules;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Assessments;

/// <summary>The runs API against a portal with the sample fleet and Hangfire workers running the jobs.</summary>
public sealed class AssessmentsApiTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    [Fact]
    public async Task StartAssessment_NoBody_Returns202WithIdAndLocation()
    {
        await portal.SampleFleetLoadedAsync();
        using var client = portal.Factory.CreateClient();

        var response = await client.PostAsync("/api/v1/assessments", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.ReadAsync<AcceptedBody>();
        Assert.Equal($"/api/v1/assessments/{accepted.Id}", response.Headers.Location?.OriginalString);
        await client.FinishedRunAsync(accepted.Id);
    }

    [Fact]
    public async Task StartAssessment_FleetRun_ProgressesToSucceededAndKeepsTheScores()
    {
        await portal.SampleFleetLoadedAsync();
        using var client = portal.Factory.CreateClient();
        var before = await (await client.GetAsync("/api/v1/scores?scope=fleet")).ReadAsync<ScoresBody>();

        var accepted = await (await client.PostJsonAsync("/api/v1/assessments", """{ "scope": "fleet" }""")).ReadAsync<AcceptedBody>();
        var run = await client.FinishedRunAsync(accepted.Id);

        Assert.Equal(("succeeded", "manual", "fleet"), (run.Status, run.Trigger, run.Scope));
        Assert.Equal((24, 24, 0), (run.ClustersTotal, run.ClustersAssessed, run.ClustersFailed));
        Assert.Equal(RuleCatalog.Version, run.RuleSetVersion);
        Assert.NotNull(run.StartedAt);
        Assert.True(run.FinishedAt >= run.StartedAt);
        // Re-assessing the stored snapshots (with their Kubernetes objects and Azure data) judges exactly what the seed did.
        var after = await (await client.GetAsync("/api/v1/scores?scope=fleet")).ReadAsync<ScoresBody>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task StartAssessment_SameScopeWhileRunning_Returns409NamingTheActiveRun()
    {
        await portal.SampleFleetLoadedAsync();
        using var client = portal.Factory.CreateClient();

        var first = await client.PostJsonAsync("/api/v1/assessments", """{ "scope": "tag:environment=production" }""");
        var second = await client.PostJsonAsync("/api/v1/assessments", """{ "scope": "TAG:Environment=production" }""");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var id = (await first.ReadAsync<AcceptedBody>()).Id;
        Assert.Contains(id.ToString(), (await second.ReadAsync<ProblemBody>()).Detail);
        var run = await client.FinishedRunAsync(id);
        Assert.Equal("succeeded", run.Status);
        Assert.True(run.ClustersTotal is > 0 and < 24);
    }

    [Fact]
    public async Task StartAssessment_UnknownScope_Returns400WithTheGrammar()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PostJsonAsync("/api/v1/assessments", """{ "scope": "galaxy:far-away" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tag:<key>=<value>", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task GetAssessment_UnknownId_Returns404()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListAssessments_PageOfOne_ReturnsNewestFirstWithTotal()
    {
        await portal.SampleFleetLoadedAsync();
        using var client = portal.Factory.CreateClient();
        portal.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var accepted = await (await client.PostJsonAsync("/api/v1/assessments", """{ "scope": "subscription:7a1c2f4e-3b5d-4c6e-8f90-1a2b3c4d5e60" }""")).ReadAsync<AcceptedBody>();
        await client.FinishedRunAsync(accepted.Id);

        var first = await (await client.GetAsync("/api/v1/assessments?page=1&pageSize=1")).ReadAsync<PageBody<RunBody>>();
        var all = await (await client.GetAsync("/api/v1/assessments?pageSize=200")).ReadAsync<PageBody<RunBody>>();

        Assert.Equal(accepted.Id, Assert.Single(first.Items).Id);
        Assert.Equal((1, 1), (first.Page, first.PageSize));
        Assert.Equal(all.Items.Count, first.Total);
        Assert.Equal(all.Items.OrderByDescending(r => r.StartedAt ?? DateTimeOffset.MaxValue).Select(r => r.Id).First(), all.Items[0].Id);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=201")]
    public async Task ListAssessments_PagingOutOfRange_Returns400(string query)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assessments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_Development_Opens()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync("/ops/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AksPosture jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RunsPage_Get_ShowsTheStartButtonAndScopeField()
    {
        using var client = portal.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/runs"));

        Assert.Contains("Assessment runs", html);
        Assert.Contains("Start run", html);
        Assert.Contains("tag:key=value", html);
    }
}
