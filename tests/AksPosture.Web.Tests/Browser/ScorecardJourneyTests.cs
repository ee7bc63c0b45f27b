using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserJourneys.Name)]
public sealed class ScorecardJourneyTests(BrowserPortalFixture portal, ITestOutputHelper output)
{
    private static readonly string[] Cards = ["reliability", "security", "costOptimization", "operationalExcellence", "performanceEfficiency", "overall"];

    [Fact]
    public async Task TeamScorecard_PaymentsTeam_ShowsScoresAndRisksAndPrintsWithoutNavigation()
    {
        var page = await portal.NewPageAsync();

        await page.GotoInteractiveAsync("/teams");
        var payments = page.GetByTestId("team-row").Filter(new LocatorFilterOptions { HasTextString = "Payments" });
        await Assertions.Expect(payments).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "scorecard-01-teams")}");

        await payments.Locator("a[href^='/scorecard?team=']").ClickAsync();
        await page.WaitForURLAsync("**/scorecard?team=*");
        await Assertions.Expect(page.GetByTestId("scorecard-title")).ToContainTextAsync("Payments");
        var scores = page.GetByTestId("scorecard-scores");
        foreach (var card in Cards)
        {
            await Assertions.Expect(scores.GetByTestId($"pillar-card-{card}").Locator(".score").First).ToHaveTextAsync(new Regex(@"^\d{1,3}\.\d$"));
        }

        var risks = page.GetByTestId("scorecard-risk-list").GetByTestId("rule-link");
        await Assertions.Expect(risks.First).ToHaveTextAsync(new Regex("^AKS-"));
        Assert.InRange(await risks.CountAsync(), 1, 5);
        var navigation = page.GetByTestId("nav-menu");
        await Assertions.Expect(navigation).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "scorecard-02-payments")}");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(navigation).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("scorecard-print")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("scorecard-risks")).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "scorecard-03-print-media")}");
    }
}
