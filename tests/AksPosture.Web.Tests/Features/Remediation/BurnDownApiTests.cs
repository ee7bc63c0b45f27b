using System.Net;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Tests.Infrastructure;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Remediation;

/// <summary>Burn-down and time to remediate over imports made on different days, compared with the findings list itself.</summary>
public sealed class BurnDownApiTests(HidingPortalFixture portal) : IClassFixture<HidingPortalFixture>
{
    [Fact]
    public async Task BurnDown_ImportsOnThreeDays_EachDayEqualsTheActiveFindingsAfterThatDaysImport()
    {
        var subscription = RunDriver.NewSubscription();
        using var client = portal.ClientAs("alex");
        var first = NextDay();
        var active = new List<List<ExplorerFindingBody>>();
        foreach (var snapshot in new[] { WithLocalAccounts(subscription), FixedButFree(subscription), Regressed(subscription) })
        {
            await portal.ImportAsync(snapshot);
            active.Add(await client.AllFindingsAsync($"subscriptionId={subscription}&status=active"));
            NextDay();
        }

        var burnDown = await (await client.GetAsync($"/api/v1/remediation/burndown?subscriptionId={subscription}&from={first.AddDays(-1):yyyy-MM-dd}&to={first.AddDays(2):yyyy-MM-dd}"))
            .ReadAsync<BurnDownBody>();

        Assert.Equal(4, burnDown.Days.Count);
        Assert.Equal([0, .. active.Select(a => a.Count)], Series(burnDown, "total"));
        Assert.True(active[2].Count > active[1].Count);
        foreach (var pillar in new[] { "reliability", "security", "costOptimization", "operationalExcellence", "performanceEfficiency" })
        {
            Assert.Equal(active[2].Count(f => f.Pillar == pillar), Series(burnDown, pillar)[^1]);
        }
    }

    [Fact]
    public async Task BurnDown_ClusterGone_DropsItsFindingsFromTheCount()
    {
        var subscription = RunDriver.NewSubscription();
        using var client = portal.ClientAs("alex");
        await portal.ImportAsync(InSubscription(subscription, "aks-burn-stays", AllowLocalAccounts), InSubscription(subscription, "aks-burn-goes", AllowLocalAccounts));
        var before = await client.AllFindingsAsync($"subscriptionId={subscription}&status=active");
        var day = NextDay();
        portal.Source.Hidden.Add("aks-burn-goes");
        try
        {
            await portal.RunToEndAsync($"subscription:{subscription}");
        }
        finally
        {
            portal.Source.Hidden.Clear();
        }

        var after = await client.AllFindingsAsync($"subscriptionId={subscription}&status=active");
        var burnDown = await (await client.GetAsync($"/api/v1/remediation/burndown?subscriptionId={subscription}&from={day.AddDays(-1):yyyy-MM-dd}&to={day:yyyy-MM-dd}"))
            .ReadAsync<BurnDownBody>();

        Assert.True(after.Count < before.Count);
        Assert.All(after, f => Assert.Equal("aks-burn-stays", f.ClusterName));
        Assert.Equal([before.Count, after.Count], Series(burnDown, "total"));
    }

    [Fact]
    public async Task Mttr_FindingsFixedAfterTwoAndFourDays_MatchesTheResolvedFindingsMean()
    {
        var subscription = RunDriver.NewSubscription();
        using var client = portal.ClientAs("alex");
        await portal.ImportAsync(InSubscription(subscription, "aks-mttr-a", AllowLocalAccounts), InSubscription(subscription, "aks-mttr-b", AllowLocalAccounts));
        NextDay();
        NextDay();
        await portal.ImportAsync(InSubscription(subscription, "aks-mttr-a", FreeTier));
        NextDay();
        NextDay();
        await portal.ImportAsync(InSubscription(subscription, "aks-mttr-b", FreeTier));

        var resolved = await client.AllFindingsAsync($"subscriptionId={subscription}&status=resolved");
        var rows = await (await client.GetAsync($"/api/v1/remediation/mttr?subscriptionId={subscription}")).ReadAsync<List<MttrRowBody>>();

        var days = resolved.Select(f => (f.ResolvedAt!.Value - f.FirstSeenAt).TotalDays).Order().ToList();
        var overall = rows.Single(r => r.Pillar is null && r.Severity is null);
        Assert.Equal(2, resolved.Select(f => f.ClusterName).Distinct().Count());
        Assert.Equal(resolved.Count, overall.Resolved);
        Assert.Equal(days.Average(), overall.MeanDays, 6);
        var durations = days.Distinct().ToList();
        Assert.Equal(2, durations.Count);
        Assert.Equal(2.0, durations[1] - durations[0], 6);
        foreach (var group in resolved.GroupBy(f => (f.Pillar, f.Severity)))
        {
            var row = rows.Single(r => r.Pillar == group.Key.Pillar && r.Severity == group.Key.Severity);
            Assert.Equal((group.Count(), group.Average(f => (f.ResolvedAt!.Value - f.FirstSeenAt).TotalDays)), (row.Resolved, Math.Round(row.MeanDays, 6)));
        }
    }

    [Theory]
    [InlineData("from=2026-12-01&to=2026-11-01", "is after to")]
    [InlineData("from=2024-01-01&to=2026-11-01", "longer than 731 days")]
    [InlineData("from=yesterday", "from 'yesterday' is not a date")]
    [InlineData("groupBy=severity", "groupBy 'severity' is not pillar or team")]
    [InlineData("teamId=payments", "teamId 'payments' is not a team id")]
    public async Task BurnDown_BadParameters_Return400(string query, string expected)
    {
        using var client = portal.ClientAs("alex");

        var response = await client.GetAsync($"/api/v1/remediation/burndown?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadAsync<ProblemBody>()).Detail);
    }

    private static List<int> Series(BurnDownBody burnDown, string name) => burnDown.Series.Single(s => s.Name == name).Active;

    /// <summary>Moves the clock to the next day at noon (UTC) and returns that day.</summary>
    private DateOnly NextDay()
    {
        var now = portal.Factory.Time.GetUtcNow();
        var noon = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddHours(12), TimeSpan.Zero);
        portal.Factory.Time.Advance(noon - now);
        return DateOnly.FromDateTime(noon.UtcDateTime);
    }

    private static ClusterSnapshot WithLocalAccounts(string subscription) => InSubscription(subscription, "aks-burn", AllowLocalAccounts);

    private static ClusterSnapshot FixedButFree(string subscription) => InSubscription(subscription, "aks-burn", FreeTier);

    private static ClusterSnapshot Regressed(string subscription) => InSubscription(subscription, "aks-burn", r => { AllowLocalAccounts(r); FreeTier(r); });
}
