using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserJourneys.Name)]
public sealed class FleetJourneyTests(BrowserPortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task FleetToClusterToRule_SampleFleet_EachPageShowsItsContent()
    {
        var page = await portal.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Fleet");
        var clusterLink = page.Locator("a[href*='clusters/']").First;
        await Assertions.Expect(clusterLink).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "01-fleet-overview")}");

        var clusterName = (await clusterLink.InnerTextAsync()).Trim();
        await clusterLink.ClickAsync();
        await page.WaitForURLAsync("**/clusters/**");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(clusterName);
        var ruleLink = page.Locator("a[href^='/rules/']").First;
        await Assertions.Expect(ruleLink).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "02-cluster")}");

        var ruleId = (await ruleLink.InnerTextAsync()).Trim();
        await ruleLink.ClickAsync();
        await page.WaitForURLAsync($"**/rules/{ruleId}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(ruleId);
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "03-rule")}");
    }
}
