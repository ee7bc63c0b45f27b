using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;

namespace AksPosture.Web.Tests.Features.Remediation;

public sealed class RemediationComponentTests : MudComponentTest
{
    [Fact]
    public void BurnDownChart_NinetyDays_NamesEachSeriesWithFirstAndLastCountAndThinsTheAxis()
    {
        var from = new DateOnly(2026, 8, 5);
        var days = Enumerable.Range(0, 90).Select(from.AddDays).ToList();
        var data = new BurnDown(from, days[^1], "pillar", days,
        [
            new BurnDownSeries("security", days.Select((_, i) => 50 - i / 3).ToList()),
            new BurnDownSeries(BurnDownQueries.Total, days.Select((_, i) => 120 - i).ToList()),
        ]);

        var cut = Context.Render<BurnDownChart>(p => p.Add(c => c.Data, data));

        var security = cut.Find("[data-series=security]");
        Assert.Equal(("50", "21"), (security.GetAttribute("data-first"), security.GetAttribute("data-last")));
        Assert.Contains("All pillars", cut.Find("[data-series=total]").TextContent);
        var labels = cut.FindAll("[data-testid=burndown-chart] svg text").Select(t => t.TextContent).Where(t => t.Contains('-') && t.Length == 5).ToList();
        Assert.InRange(labels.Count, 2, 16);
    }

    [Fact]
    public void MttrTable_Rows_ShowMeansWithOneDecimalAndDashesWhereNothingWasResolved()
    {
        MttrRow[] rows =
        [
            new("security", "high", 4, 3.25),
            new("security", null, 5, 2.84),
            new(null, null, 5, 2.84),
        ];

        var cut = Context.Render<MttrTable>(p => p.Add(c => c.Rows, rows));

        Assert.Equal("3.3", Cell(cut, "security", "high"));
        Assert.Equal("2.8", Cell(cut, "security", "all"));
        Assert.Equal("—", Cell(cut, "security", "critical"));
        Assert.Equal("—", Cell(cut, "reliability", "all"));
        Assert.Equal("2.8", Cell(cut, "all", "all"));
        Assert.Equal("—", Cell(cut, "all", "high"));
        Assert.Contains("4 resolved", cut.Find("tr[data-pillar=security] td[data-severity=high]").GetAttribute("title"));
    }

    [Fact]
    public void SummaryCards_TeamScope_LinkEachCountToTheExplorerFilteredForTheTeam()
    {
        var cut = Context.Render<RemediationSummaryCards>(p => p
            .Add(c => c.Summary, new RemediationSummary(40, 12, 3, 30, 6, 2, 2))
            .Add(c => c.Scope, "teamId=abc"));

        var overdue = cut.Find("[data-testid=summary-overdue]");
        Assert.Equal("3", overdue.TextContent.Trim());
        Assert.Equal("/findings?overdue=true&teamId=abc", overdue.GetAttribute("href"));
        Assert.Equal("/findings?status=active&owner=none&teamId=abc", cut.Find("[data-testid=summary-unassigned]").GetAttribute("href"));
    }

    private static string Cell(IRenderedComponent<MttrTable> cut, string pillar, string severity) =>
        cut.Find($"tr[data-pillar={pillar}] td[data-severity={severity}]").TextContent.Trim();
}
