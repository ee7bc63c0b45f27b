using System.Globalization;
using System.Net;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Tests.Infrastructure;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Scores;

public sealed class TrendApiTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Trend_TwoRunsOnOneDayAndOneTheNext_ReturnsTheLastScoresOfEachDay()
    {
        var subscription = RunDriver.NewSubscription();
        var (day, _) = await NextDayAsync();
        await ImportAtAsync(day.AddHours(8), InSubscription(subscription, "aks-trend-a"));
        await ImportAtAsync(day.AddHours(15), InSubscription(subscription, "aks-trend-a", FreeTier));
        await ImportAtAsync(day.AddDays(1).AddHours(9), InSubscription(subscription, "aks-trend-a", AllowLocalAccounts));
        using var client = portal.Factory.CreateClient();

        var trend = await GetTrendAsync(client, $"subscription:{subscription}", day, day.AddDays(2), "day");

        Assert.Equal([day, day.AddDays(1)], trend.Points.Select(p => p.At));
        Assert.Equal(Overall(InSubscription(subscription, "aks-trend-a", FreeTier)), trend.Points[0].Overall);
        Assert.Equal(Overall(InSubscription(subscription, "aks-trend-a", AllowLocalAccounts)), trend.Points[1].Overall);
        Assert.All(trend.Points, p => Assert.Equal(1, p.Clusters));
        Assert.All(trend.Points, p => Assert.NotNull(p.Security));
    }

    [Fact]
    public async Task Trend_WeekInterval_OnePointPerWeekFromMonday()
    {
        var subscription = RunDriver.NewSubscription();
        var (day, _) = await NextDayAsync();
        var monday = day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
        await ImportAtAsync(monday.AddHours(1), InSubscription(subscription, "aks-weekly"));
        await ImportAtAsync(monday.AddDays(3), InSubscription(subscription, "aks-weekly", FreeTier));
        await ImportAtAsync(monday.AddDays(8), InSubscription(subscription, "aks-weekly"));
        using var client = portal.Factory.CreateClient();

        var trend = await GetTrendAsync(client, $"subscription:{subscription}", monday, monday.AddDays(14), "week");

        Assert.Equal([monday, monday.AddDays(7)], trend.Points.Select(p => p.At));
        Assert.Equal(Overall(InSubscription(subscription, "aks-weekly", FreeTier)), trend.Points[0].Overall);
    }

    [Fact]
    public async Task Trend_FleetAndCluster_ReturnPointsFromTheirRollups()
    {
        var subscription = RunDriver.NewSubscription();
        var (day, _) = await NextDayAsync();
        var snapshot = InSubscription(subscription, "aks-trend-cluster");
        await ImportAtAsync(day.AddHours(2), snapshot);
        using var client = portal.Factory.CreateClient();

        var fleet = await GetTrendAsync(client, "fleet", day, day.AddDays(1), "day");
        var cluster = await GetTrendAsync(client, $"cluster:{snapshot.Id}", day, day.AddDays(1), "day");

        Assert.Equal(day, Assert.Single(fleet.Points).At);
        Assert.True(fleet.Points[0].Clusters >= 1);
        Assert.Equal(Overall(snapshot), Assert.Single(cluster.Points).Overall);
    }

    [Theory]
    [InlineData("scope=fleet&interval=month", "'day' or 'week'")]
    [InlineData("scope=fleet&from=2026-12-01&to=2026-11-01", "must be before")]
    [InlineData("scope=fleet&from=yesterday", "ISO 8601")]
    [InlineData("scope=planet:earth", "subscription:<subscription GUID>")]
    public async Task Trend_BadQuery_Returns400SayingWhatToFix(string query, string expected)
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/scores/trend?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.ReadAsync<ProblemBody>()).Detail);
    }

    [Fact]
    public async Task Trend_UnknownSubscription_Returns404()
    {
        using var client = portal.Factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/scores/trend?scope=subscription:{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // Moves the fake clock to the start of the next UTC day; each test works in days of its own.
    private Task<(DateTimeOffset Day, DateTimeOffset Now)> NextDayAsync()
    {
        var now = portal.Factory.Time.GetUtcNow();
        var day = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        portal.Factory.Time.SetUtcNow(day);
        return Task.FromResult((day, day));
    }

    private async Task ImportAtAsync(DateTimeOffset at, ClusterSnapshot snapshot)
    {
        portal.Factory.Time.SetUtcNow(at);
        await portal.ImportAsync(snapshot);
    }

    private static double? Overall(ClusterSnapshot snapshot) => ClusterAssessor.Assess(snapshot).Scores.Overall;

    private static async Task<TrendBody> GetTrendAsync(HttpClient client, string scope, DateTimeOffset from, DateTimeOffset to, string interval)
    {
        var response = await client.GetAsync(
            $"/api/v1/scores/trend?scope={Uri.EscapeDataString(scope)}&from={Format(from)}&to={Format(to)}&interval={interval}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<TrendBody>();
    }

    private static string Format(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}
