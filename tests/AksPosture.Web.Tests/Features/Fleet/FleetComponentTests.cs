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
    public void SubscriptionPillarTable_Rows_ShowsNamesScoresAndClusterCounts()
    {
        SubscriptionScoreRow[] rows =
        [
            new("3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11", "Contoso Production", Scores(80, 70, 60, 50, 40, 60), 9),
            new("8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52", "Contoso Non-Production", Scores(null, 30, 20, 10, 0, 15), 9),
        ];

        var cut = Render<SubscriptionPillarTable>(p => p.Add(c => c.Rows, rows));

        var production = cut.Find("tr[data-subscription='3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11']").QuerySelectorAll("td");
        Assert.Contains("Contoso Production", production[0].TextContent);
        Assert.Equal(["80.0", "70.0", "60.0", "50.0", "40.0", "60.0", "9"], production.Skip(1).Select(td => td.TextContent.Trim()));
        var nonProduction = cut.Find("tr[data-subscription='8a2e4c7b-1d9f-4b3a-b6e5-7c0f2d9a8e52']").QuerySelectorAll("td");
        Assert.Equal("—", nonProduction[1].TextContent.Trim());
        Assert.Equal(8, cut.FindAll("thead th").Count);
    }

    [Fact]
    public void SampleDataBanner_Visible_ShowsTheWarning()
    {
        var shown = Render<SampleDataBanner>(p => p.Add(c => c.Visible, true));
        var hidden = Render<SampleDataBanner>(p => p.Add(c => c.Visible, false));

        Assert.Contains("Sample data — these clusters are invented examples, not read from Azure", shown.Markup);
        Assert.Equal("", hidden.Markup.Trim());
    }

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
