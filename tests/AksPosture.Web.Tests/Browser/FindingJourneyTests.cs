using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserJourneys.Name)]
public sealed class FindingJourneyTests(BrowserPortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task FleetToClusterToFinding_SampleFleet_DrawerShowsTheFindingsRuleAndCluster()
    {
        var page = await portal.NewPageAsync();

        await page.GotoInteractiveAsync("/");
        var clusterLink = page.Locator("a[href*='clusters/']").First;
        await Assertions.Expect(clusterLink).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "finding-01-fleet-overview")}");

        var clusterName = (await clusterLink.InnerTextAsync()).Trim();
        await clusterLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(clusterName);
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "finding-02-cluster")}");

        await page.GetByTestId("cluster-findings-link").ClickAsync();
        await page.WaitForURLAsync("**/findings?clusterId=*");
        var firstRow = page.GetByTestId("findings-grid").Locator("tbody tr").Filter(new LocatorFilterOptions { Has = page.GetByTestId("row-rule") }).First;
        await Assertions.Expect(firstRow).ToBeVisibleAsync();
        // Every row the cluster filter leaves is on the cluster the journey came from.
        Assert.All(await page.GetByTestId("row-cluster").AllInnerTextsAsync(), name => Assert.Equal(clusterName, name.Trim()));
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "finding-03-explorer")}");

        var ruleId = (await firstRow.GetByTestId("row-rule").InnerTextAsync()).Trim();
        await firstRow.GetByTestId("row-state").ClickAsync();
        var drawer = page.GetByTestId("finding-detail");
        await Assertions.Expect(drawer.GetByTestId("detail-rule-link")).ToHaveTextAsync(ruleId);
        await Assertions.Expect(drawer.GetByTestId("detail-cluster-link")).ToHaveTextAsync(clusterName);
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "finding-04-finding-drawer")}");
    }
}
