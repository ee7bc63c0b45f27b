using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Components.Shared;
using AksPosture.Web.Features.Fleet;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Fleet;

public sealed class FleetComponentTests : BunitContext
{
    public FleetComponentTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void PillarScoreCards_Scores_ShowsEachPillarOverallAndDashForNull()
    {
        var scores = Scores(reliability: 91.2, security: 64.0, cost: null, operations: 12.5, performance: 100, overall: 66.9);

        var cut = Render<PillarScoreCards>(p => p.Add(c => c.Scores, scores));

        Assert.Equal("91.2", CardScore(cut, "reliability"));
        Assert.Equal("64.0", CardScore(cut, "security"));
        Assert.Equal("—", CardScore(cut, "costOptimization"));
        Assert.Equal("12.5", CardScore(cut, "operationalExcellence"));
        Assert.Equal("100.0", CardScore(cut, "performanceEfficiency"));
        Assert.Equal("66.9", CardScore(cut, "overall"));
        Assert.Contains("mud-success-text", cut.Find("[data-pillar=reliability] .score").ClassName);
        Assert.Contains("mud-warning-text", cut.Find("[data-pillar=security] .score").ClassName);
        Assert.Contains("mud-error-text", cut.Find("[data-pillar=operationalExcellence] .score").ClassName);
    }

    [Fact]
    public void SubscriptionHeatMap_Rows_ColoursEachCellByBandAndLinksToTheSubscriptionWithTheFilters()
    {
        SubscriptionScoreRow[] rows =
        [
            new("3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11", "Contoso Production", Scores(80, 70, 60, 50, 40, 60), 9),
            new("8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52", "Contoso Non-Production", Scores(null, 30, 20, 10, 0, 15), 9),
        ];

        var cut = Render<SubscriptionHeatMap>(p => p.Add(c => c.Rows, rows).Add(c => c.Query, "?team=abc"));

        var good = cut.Find("[data-testid='heat-cell-3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11-reliability']");
        Assert.Equal("80.0", good.TextContent.Trim());
        Assert.Contains("heat-good", good.ClassName);
        Assert.Contains("heat-fair", cut.Find("[data-testid='heat-cell-3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11-security']").ClassName);
        Assert.Contains("heat-poor", cut.Find("[data-testid='heat-cell-3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11-performanceEfficiency']").ClassName);
        var none = cut.Find("[data-testid='heat-cell-8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52-reliability']");
        Assert.Equal(("—", true), (none.TextContent.Trim(), none.ClassName!.Contains("heat-none")));
        Assert.Equal("15.0", cut.Find("[data-testid='heat-cell-8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52-overall']").TextContent.Trim());
        Assert.Equal(
            "/subscriptions/3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11?team=abc",
            cut.Find("[data-testid='heat-cell-3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11-overall'] a").GetAttribute("href"));
        Assert.Equal(12, cut.FindAll("td.heat-cell").Count);
    }

    [Fact]
    public void SubscriptionHeatMap_MoreRowsThanAPage_DrawsOnePageAndPagesToTheRest()
    {
        var rows = Enumerable.Range(0, SubscriptionHeatMap.PageSize + 5)
            .Select(i => new SubscriptionScoreRow($"00000000-0000-4000-8000-{i:D12}", $"Subscription {i:D2}", Scores(80, 70, 60, 50, 40, 60), 1))
            .ToList();

        var cut = Render<SubscriptionHeatMap>(p => p.Add(c => c.Rows, rows));

        Assert.Equal(SubscriptionHeatMap.PageSize, cut.FindAll("tr[data-subscription]").Count);
        Assert.Equal("00000000-0000-4000-8000-000000000000", cut.FindAll("tr[data-subscription]")[0].GetAttribute("data-subscription"));
        cut.FindAll("[data-testid=heat-map-pages] button").Single(b => b.TextContent.Trim() == "2").Click();
        var second = cut.FindAll("tr[data-subscription]").Select(r => r.GetAttribute("data-subscription")).ToList();
        Assert.Equal(rows.Skip(SubscriptionHeatMap.PageSize).Select(r => r.SubscriptionId), second);
    }

    [Fact]
    public void PillarScoreCards_Trend_DrawsOneLinePerCardSkippingMissingScores()
    {
        var trend = new[] { Scores(50, 60, null, 70, 80, 65), Scores(55, 62, null, 72, 82, 67), Scores(60, 64, null, 74, 84, 69) }
            .Select((s, i) => new ScorePoint(new DateTimeOffset(2026, 10, 5 + 7 * i, 0, 0, 0, TimeSpan.Zero), s, 3))
            .ToList();

        var cut = Render<PillarScoreCards>(p => p.Add(c => c.Scores, trend[^1].Scores).Add(c => c.Trend, trend));

        Assert.Equal("3", cut.Find("[data-testid=pillar-card-reliability] svg.sparkline").GetAttribute("data-points"));
        Assert.Equal("3", cut.Find("[data-testid=pillar-card-overall] svg.sparkline").GetAttribute("data-points"));
        Assert.Empty(cut.FindAll("[data-testid=pillar-card-costOptimization] svg.sparkline"));
        Assert.Contains("no trend yet", cut.Find("[data-testid=pillar-card-costOptimization]").TextContent);
        var points = cut.Find("[data-testid=pillar-card-reliability] polyline").GetAttribute("points")!.Split(' ');
        Assert.Equal(3, points.Length);
        Assert.True(Y(points[0]) > Y(points[2]), "a rising score draws a rising line (smaller y)");
    }

    [Fact]
    public void WorstClusters_Rows_LinkToEachClusterInOrder()
    {
        WorstClusterRow[] rows = [new(Guid.Parse("0199a000-0000-7000-8000-000000000001"), "aks-a", "Prod", "production", 12.5), new(Guid.Parse("0199a000-0000-7000-8000-000000000002"), "aks-b", "Dev", null, 40)];

        var cut = Render<WorstClusters>(p => p.Add(c => c.Rows, rows));

        var links = cut.FindAll("[data-testid=worst-cluster-link]");
        Assert.Equal(["aks-a", "aks-b"], links.Select(l => l.TextContent.Trim()));
        Assert.Equal("/clusters/0199a000-0000-7000-8000-000000000001", links[0].GetAttribute("href"));
    }

    [Fact]
    public void SampleDataBanner_Visible_ShowsTheWarning()
    {
        var shown = Render<SampleDataBanner>(p => p.Add(c => c.Visible, true));
        var hidden = Render<SampleDataBanner>(p => p.Add(c => c.Visible, false));

        Assert.Contains("Sample data — these clusters are invented examples, not read from Azure", shown.Markup);
        Assert.Equal("", hidden.Markup.Trim());
    }

    private static double Y(string point) => double.Parse(point.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string CardScore(IRenderedComponent<PillarScoreCards> cut, string pillar) =>
        cut.Find($"[data-pillar={pillar}] .score").TextContent.Trim();

    private static PillarScores Scores(double? reliability, double? security, double? cost, double? operations, double? performance, double? overall)
    {
        var values = new Dictionary<Pillar, double?>
        {
            [Pillar.Reliability] = reliability,
            [Pillar.Security] = security,
            [Pillar.CostOptimization] = cost,
            [Pillar.OperationalExcellence] = operations,
            [Pillar.PerformanceEfficiency] = performance,
        };
        return new PillarScores(values.ToDictionary(p => p.Key, p => new PillarScore(p.Value, p.Value ?? 0, p.Value is null ? 0 : 100)), overall);
    }
}
