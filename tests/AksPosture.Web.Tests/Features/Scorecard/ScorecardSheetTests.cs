using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scorecard;
using Bunit;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Scorecard;

public sealed class ScorecardSheetTests : BunitContext
{
    public ScorecardSheetTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Render_View_ShowsEverySectionWithItsFigures()
    {
        var scores = Scores(72.5);
        var view = new ScorecardView(
            "Payments team", "Payments clusters", scores, 5, HasSampleClusters: true,
            [new ScorePoint(new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero), Scores(70), 5), new ScorePoint(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), scores, 5)],
            [new RuleFailureRow("AKS-SEC-01", "Disable local accounts", Pillar.Security, Severity.High, 3, 4), new RuleFailureRow("AKS-REL-03", "Zones", Pillar.Reliability, Severity.Medium, 2, 2)],
            new RemediationProgress(Open: 40, OpenedSince: 12, ResolvedSince: 7, ReopenedSince: 1, Since: new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)),
            new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        var cut = Render<ScorecardSheet>(p => p.Add(c => c.View, view));

        Assert.Equal("Payments team", cut.Find("[data-testid=scorecard-title]").TextContent.Trim());
        Assert.Contains("Sample data", cut.Markup);
        Assert.Equal("72.5", cut.Find("[data-testid=scorecard-scores] [data-testid=pillar-card-overall] .score").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("[data-testid=scorecard-trend-row]").Count);
        Assert.Equal("2026-10-26", cut.FindAll("[data-testid=scorecard-trend-row]")[0].QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(["AKS-SEC-01", "AKS-REL-03"], cut.FindAll("[data-testid=scorecard-risks] [data-testid=rule-link]").Select(l => l.TextContent.Trim()));
        Assert.Equal(["4", "2"], cut.FindAll("[data-testid=scorecard-risks] [data-testid=rule-clusters]").Select(l => l.TextContent.Trim()));
        Assert.Equal("40", Figure(cut, "open"));
        Assert.Equal("7", Figure(cut, "resolved"));
        Assert.Equal("12", Figure(cut, "new"));
        Assert.Equal("1", Figure(cut, "reopened"));
        Assert.Empty(cut.FindAll("button"));
    }

    private static string Figure(IRenderedComponent<ScorecardSheet> cut, string key) =>
        cut.Find($"[data-testid=progress-{key}] .score").TextContent.Trim();

    private static PillarScores Scores(double value) =>
        new(PillarNames.All.ToDictionary(p => p, _ => new PillarScore(value, value, 100)), value);
}
