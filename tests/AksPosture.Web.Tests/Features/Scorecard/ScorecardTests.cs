using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Scorecard;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Scorecard;

public sealed class ScorecardTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private const string Production = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";
    private const string NonProduction = "8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52";

    private static readonly PortalUser Admin = TestUsers.With(PortalRoles.Admin);

    [Fact]
    public async Task GetAsync_Team_ScoresItsClustersRanksRisksAndCountsItsFindings()
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var team = await db.Teams.SingleAsync(t => t.Name == "Orders");
        var clusters = SampleFleetAssessments.All.Where(c => c.Snapshot.Tags.GetValueOrDefault("team") == "orders").ToList();
        var names = clusters.Select(c => c.Snapshot.Name).ToList();
        var open = await db.Findings.CountAsync(f => f.State != AksPosture.Web.Features.Findings.FindingState.Resolved
            && db.Clusters.Any(c => c.Id == f.ClusterId && names.Contains(c.Name)));

        var view = await GetAsync(team.Id, []);

        Assert.Equal("Orders team", view!.Title);
        Assert.Equal(clusters.Count, view.Clusters);
        Assert.Equal(ScoreRollup.Combine(clusters.Select(c => c.Scores)).Overall, view.Scores.Overall);
        Assert.Equal(ScorecardQueries.RiskCount, view.TopRisks.Count);
        Assert.Equal(view.TopRisks.Select(r => r.Impact).OrderDescending(), view.TopRisks.Select(r => r.Impact));
        var top = view.TopRisks[0];
        var affected = clusters.Count(c => c.Results.Any(r => r.RuleId == top.RuleId && r.Status is RuleStatus.Fail or RuleStatus.Warn));
        Assert.Equal(affected, top.ClustersAffected);
        Assert.Equal(ScoringModel.Weight(top.Severity) * affected, top.Impact);
        Assert.Equal(open, view.Progress.Open);
        Assert.Equal(open, view.Progress.OpenedSince);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), view.Progress.Since);
        Assert.Single(view.Trend);
    }

    [Fact]
    public async Task GetAsync_TwoSubscriptions_CoverExactlyTheirClusters()
    {
        var clusters = SampleFleetAssessments.All.Where(c => c.Snapshot.SubscriptionId is Production or NonProduction).ToList();

        var view = await GetAsync(null, [Production, NonProduction]);

        Assert.Equal(clusters.Count, view!.Clusters);
        Assert.Equal(ScoreRollup.Combine(clusters.Select(c => c.Scores)).Overall, view.Scores.Overall);
        Assert.Contains("Contoso Production", view.Title);
    }

    [Fact]
    public async Task GetAsync_UnknownTeam_IsNull()
    {
        Assert.Null(await GetAsync(Guid.Parse("0199a000-0000-7000-8000-00000000dead"), []));
    }

    [Theory]
    [InlineData("payments", null, "team 'payments' is not a team id")]
    [InlineData(null, "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11,prod", "subscription 'prod' is not a subscription id")]
    public void Parse_BadIds_SaysWhatToFix(string? team, string? subscriptions, string problem)
    {
        Assert.Contains(problem, ScorecardRequest.Parse(team, subscriptions).Problem);
    }

    [Fact]
    public void QuarterStart_MidNovember_IsTheFirstOfOctober()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), ScorecardQueries.QuarterStart(new DateTimeOffset(2026, 11, 15, 8, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), ScorecardQueries.QuarterStart(new DateTimeOffset(2027, 3, 31, 23, 0, 0, TimeSpan.Zero)));
    }

    private async Task<ScorecardView?> GetAsync(Guid? team, IReadOnlyList<string> subscriptions)
    {
        await portal.SampleFleetLoadedAsync();
        using var scope = portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ScorecardQueries>().GetAsync(Admin, team, subscriptions, CancellationToken.None);
    }
}
