using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Metrics;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Metrics;

[Collection(MetricsCollection.Name)]
public sealed partial class MetricsEndpointTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private const string Production = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";

    [Fact]
    public async Task Metrics_AfterARefresh_ExposeFleetTeamAndSubscriptionScoresAndOpenFindings()
    {
        var samples = await ScrapeAsync();

        var fleet = ScoreRollup.Combine(SampleFleetAssessments.All.Select(c => c.Scores));
        Assert.Equal(fleet.Overall, Value(samples, "aksposture_pillar_score", ("scope", "fleet"), ("pillar", "overall")));
        Assert.Equal(fleet[AksPosture.Engine.Rules.Pillar.Security], Value(samples, "aksposture_pillar_score", ("scope", "fleet"), ("pillar", "security")));
        var production = ScoreRollup.Combine(SampleFleetAssessments.All.Where(c => c.Snapshot.SubscriptionId == Production).Select(c => c.Scores));
        Assert.Equal(production.Overall, Value(samples, "aksposture_pillar_score", ("scope_id", Production), ("pillar", "overall")));
        Assert.Equal("Contoso Production", samples.First(s => s.Labels.GetValueOrDefault("scope_id") == Production).Labels["scope_name"]);
        var teams = samples.Where(s => s.Name == "aksposture_pillar_score" && s.Labels["scope"] == "team" && s.Labels["pillar"] == "overall");
        Assert.Equal(["Data", "Orders", "Payments", "Platform", "Web"], teams.Select(s => s.Labels["scope_name"]).Order());

        await using var db = await portal.CreateDbAsync();
        var open = await db.Findings.CountAsync(f => f.State != FindingState.Resolved);
        var fleetFindings = samples.Where(s => s.Name == "aksposture_open_findings" && s.Labels["scope"] == "fleet").ToList();
        Assert.Equal(["critical", "high", "low", "medium"], fleetFindings.Select(s => s.Labels["severity"]).Order());
        Assert.Equal(open, fleetFindings.Sum(s => s.Value));
        var bySubscription = samples.Where(s => s.Name == "aksposture_open_findings" && s.Labels["scope"] == "subscription").Sum(s => s.Value);
        Assert.Equal(open, bySubscription);
    }

    [Fact]
    public async Task Metrics_Reader_IsForbiddenBecauseTheFiguresCoverTheWholeFleet()
    {
        using var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{SampleUsers.CookieName}=riley");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<List<Sample>> ScrapeAsync()
    {
        await portal.SampleFleetLoadedAsync();
        await portal.Service<PostureMetricsRefresher>().RefreshAsync(CancellationToken.None);
        using var client = portal.Factory.CreateClient();
        var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE aksposture_pillar_score gauge", text);
        return text.Split('\n').Select(l => SampleLine().Match(l)).Where(m => m.Success).Select(ToSample).ToList();
    }

    private static double Value(List<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Value;

    private static Sample ToSample(Match match) => new(
        match.Groups["name"].Value,
        LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value),
        double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));

    // name{key="value",...} value [timestamp]
    [GeneratedRegex("""^(?<name>aksposture_[a-z_]+)\{(?<labels>[^}]*)\} (?<value>[-0-9.eE+]+)""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("(?<key>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);
}
