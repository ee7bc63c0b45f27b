using System.Net;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Assessments;

public sealed class ImportsApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Import_ArmAndAzCliDocuments_ScoresReadBackEqualTheEngines()
    {
        using var client = portal.Factory.CreateClient();
        var arm = Assess(Fixtures.MostlyCompliant);
        var cli = Assess(Fixtures.AzCliFlattened);

        var first = await client.ImportAsync(Fixtures.Read(Fixtures.MostlyCompliant));
        var second = await client.ImportAsync(Fixtures.Read(Fixtures.AzCliFlattened));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var imported = await first.ReadAsync<ImportBody>();
        Assert.Equal(RuleCatalog.Version, imported.RuleSetVersion);
        Assert.Equal(ScoringModel.Version, imported.ScoringVersion);
        Assert.Empty(imported.Errors);
        var cluster = Assert.Single(imported.Clusters);
        Assert.Equal(arm.Snapshot.Id, cluster.Id);
        Assert.Equal(arm.Snapshot.SubscriptionId, cluster.SubscriptionId);
        Assert.Equal(arm.Scores.Overall, cluster.Overall);

        AssertScores(ScoreRollup.Combine([arm.Scores, cli.Scores]), 2, await GetScoresAsync(client, "fleet"));
        AssertScores(cli.Scores, 1, await GetScoresAsync(client, $"subscription:{cli.Snapshot.SubscriptionId}"));
        AssertScores(arm.Scores, 1, await GetScoresAsync(client, $"cluster:{arm.Snapshot.Id.ToUpperInvariant()}"));
    }

    [Fact]
    public async Task Import_MalformedJson_Returns400WithLineAndColumnAndStoresNothing()
    {
        using var client = portal.Factory.CreateClient();
        var runsBefore = await CountRunsAsync();

        var response = await client.ImportAsync("{\n  \"id\": \"/subscriptions/x\",\n  \"name\": \n}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<ProblemBody>();
        Assert.StartsWith("The body is not", problem.Detail);
        Assert.Contains("line 4, column 1", problem.Detail);
        Assert.Equal(runsBefore, await CountRunsAsync());
    }

    [Fact]
    public async Task Import_PlainTextContentType_Returns415()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.PostAsync("/api/v1/imports", new StringContent(Fixtures.Read(Fixtures.MostlyCompliant)));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("galaxy")]
    [InlineData("subscription:not-a-guid")]
    [InlineData("cluster:aks-without-an-arm-id")]
    public async Task Scores_MalformedScope_Returns400(string scope)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/scores?scope={Uri.EscapeDataString(scope)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("subscription:<subscription GUID>", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Theory]
    [InlineData("subscription:9d2b7c55-0000-4000-8000-000000000000")]
    [InlineData("cluster:/subscriptions/9d2b7c55-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/nowhere")]
    public async Task Scores_UnknownSubscriptionOrCluster_Returns404(string scope)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/scores?scope={Uri.EscapeDataString(scope)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static ClusterAssessment Assess(string fixture) =>
        ClusterAssessor.Assess(SnapshotReader.ReadFile(Fixtures.PathOf(fixture)).Snapshots.Single());

    private static async Task<ScoresBody> GetScoresAsync(HttpClient client, string scope)
    {
        var response = await client.GetAsync($"/api/v1/scores?scope={Uri.EscapeDataString(scope)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<ScoresBody>();
    }

    private static void AssertScores(PillarScores expected, int clusters, ScoresBody actual)
    {
        Assert.Equal(expected[Pillar.Reliability], actual.Reliability);
        Assert.Equal(expected[Pillar.Security], actual.Security);
        Assert.Equal(expected[Pillar.CostOptimization], actual.CostOptimization);
        Assert.Equal(expected[Pillar.OperationalExcellence], actual.OperationalExcellence);
        Assert.Equal(expected[Pillar.PerformanceEfficiency], actual.PerformanceEfficiency);
        Assert.Equal(expected.Overall, actual.Overall);
        Assert.Equal(clusters, actual.Clusters);
    }

    private async Task<int> CountRunsAsync()
    {
        await using var db = await portal.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.AssessmentRuns.CountAsync();
    }
}
