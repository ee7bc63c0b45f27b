using System.Net;
using AksPosture.Web.Features.Retention;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Retention;

public sealed class RetentionJobTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task RemoveExpiredResults_RunsOlderThanResultDays_DropsTheirResultsButKeepsCurrentEvidenceRollupsAndFindings()
    {
        var subscription = RunDriver.NewSubscription();
        var old = (await portal.ImportAsync(InSubscription(subscription, "aks-retention", AllowLocalAccounts))).Run.Id;
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var current = (await portal.ImportAsync(InSubscription(subscription, "aks-retention"))).Run.Id;
        portal.Factory.Time.Advance(TimeSpan.FromDays(29));
        var recent = (await portal.ImportAsync(InSubscription(subscription, "aks-retention-recent"))).Run.Id;
        var currentResults = await ResultCountAsync(current);
        portal.Factory.Time.Advance(TimeSpan.FromDays(2));

        await portal.Service<RetentionJob>().RemoveExpiredResultsAsync(CancellationToken.None);

        Assert.Equal(0, await ResultCountAsync(old));
        Assert.Equal(currentResults, await ResultCountAsync(current));
        Assert.True(await ResultCountAsync(recent) > 0);
        await using var db = await portal.CreateDbAsync();
        var runs = await db.AssessmentRuns.Where(r => r.Id == old || r.Id == current || r.Id == recent).ToDictionaryAsync(r => r.Id);
        Assert.NotNull(runs[old].ResultsRemovedAt);
        Assert.Null(runs[recent].ResultsRemovedAt);
        Assert.Equal(6, await db.PillarScoreRollups.CountAsync(r => r.RunId == old));
        Assert.NotEmpty(await db.ScopeScoreRollups.Where(r => r.RunId == old).ToListAsync());
        Assert.Contains(await db.Findings.Where(f => f.LastRunId == current || f.LastRunId == old).ToListAsync(), f => f.ResolvedAt is not null);
    }

    [Fact]
    public async Task DiffAssessments_ResultsRemovedByRetention_Returns410()
    {
        var subscription = RunDriver.NewSubscription();
        var first = (await portal.ImportAsync(InSubscription(subscription, "aks-retention-diff"))).Run.Id;
        portal.Factory.Time.Advance(TimeSpan.FromHours(1));
        var second = (await portal.ImportAsync(InSubscription(subscription, "aks-retention-diff", FreeTier))).Run.Id;
        portal.Factory.Time.Advance(TimeSpan.FromDays(31));
        await portal.Service<RetentionJob>().RemoveExpiredResultsAsync(CancellationToken.None);
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/assessments/{second}/diff?against={first}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Retention:ResultDays", (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task ClusterPage_LatestRunOlderThanResultDays_StillShowsItsEvidence()
    {
        var subscription = RunDriver.NewSubscription();
        await portal.ImportAsync(InSubscription(subscription, "aks-retention-page"));
        portal.Factory.Time.Advance(TimeSpan.FromDays(45));
        await portal.Service<RetentionJob>().RemoveExpiredResultsAsync(CancellationToken.None);
        await using var db = await portal.CreateDbAsync();
        var cluster = await db.Clusters.SingleAsync(c => c.Name == "aks-retention-page");
        using var client = portal.Factory.CreateClient();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/clusters/{cluster.Id}"));

        Assert.Contains("data-status=\"PASS\"", html);
    }

    private async Task<int> ResultCountAsync(Guid runId)
    {
        await using var db = await portal.CreateDbAsync();
        return await db.RuleResults.CountAsync(r => r.RunId == runId);
    }
}
