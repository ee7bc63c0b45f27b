using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// Two people in the Payments team: casey (Contributor) requests a cluster exception for a failing rule, avery (Approver)
/// approves it, and the cluster's adjusted score moves away from its raw score, which stays.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserJourneys.Name)]
public sealed class ExceptionJourneyTests(BrowserPortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task RequestThenApproveByAnotherPerson_ClusterPage_AdjustedScoreChangesAndRawStays()
    {
        var page = await portal.NewPageAsync();

        await page.ActAsAsync("casey", "/");
        var clusterLink = page.Locator("a[href*='clusters/']").First;
        await Assertions.Expect(clusterLink).ToBeVisibleAsync();
        var clusterName = (await clusterLink.InnerTextAsync()).Trim();
        await clusterLink.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(clusterName);
        var clusterUrl = page.Url;
        var (rawBefore, adjustedBefore) = await ScoresAsync(page);
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-01-cluster-as-contributor")}");

        var failing = page.Locator("[data-testid=result-card][data-level=cluster]")
            .Filter(new LocatorFilterOptions { Has = page.Locator(".status-chip[data-status=FAIL]") })
            .Filter(new LocatorFilterOptions { Has = page.GetByTestId("request-exception") }).First;
        var ruleId = await failing.GetAttributeAsync("data-rule") ?? throw new InvalidOperationException("A result card without data-rule.");
        var card = page.Locator($"[data-testid=result-card][data-level=cluster][data-rule='{ruleId}']");
        await card.GetByTestId("request-exception").ClickAsync();
        var dialog = page.Locator(".mud-dialog").Filter(new LocatorFilterOptions { Has = page.GetByTestId("submit-exception") });
        await Assertions.Expect(dialog.GetByTestId("exception-rule")).ToHaveValueAsync(ruleId);
        await Assertions.Expect(dialog).ToContainTextAsync($"Cluster: {clusterName}");
        await dialog.GetByTestId("exception-justification").FillAsync("Ingress is only reachable from the build network (NSG rule 120).");
        var expires = portal.Factory.Time.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await dialog.GetByTestId("expires-on").FillAsync(expires);
        await dialog.GetByTestId("expires-on").PressAsync("Tab");
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-02-request-dialog")}");
        await dialog.GetByTestId("submit-exception").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(card.GetByTestId("exception-chip")).ToHaveAttributeAsync("data-state", "pending");
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-03-requested")}");

        await page.ActAsAsync("avery", "/exceptions");
        await page.GetByTestId("exception-states").GetByText("Pending", new() { Exact = true }).ClickAsync();
        var request = page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=exception-row][data-state=pending]"), HasText = ruleId });
        await Assertions.Expect(request).ToContainTextAsync(clusterName);
        await Assertions.Expect(request).ToContainTextAsync("Casey Contributor");
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-04-pending-as-approver")}");
        await request.GetByTestId("approve-exception").ClickAsync();
        await Assertions.Expect(request).ToHaveCountAsync(0);
        await page.GetByTestId("exception-states").GetByText("Active", new() { Exact = true }).ClickAsync();
        var approved = page.Locator("tr").Filter(new LocatorFilterOptions { Has = page.Locator("[data-testid=exception-row][data-state=active]"), HasText = ruleId });
        await Assertions.Expect(approved).ToContainTextAsync("Avery Approver");
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-05-approved")}");

        await page.GotoInteractiveAsync(clusterUrl);
        await Assertions.Expect(card.GetByTestId("exception-chip")).ToHaveAttributeAsync("data-state", "active");
        var (rawAfter, adjustedAfter) = await ScoresAsync(page);
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "exception-06-cluster-adjusted")}");

        Assert.Equal(rawBefore, adjustedBefore);
        Assert.Equal(rawBefore, rawAfter);
        Assert.NotEqual(adjustedBefore, adjustedAfter);
        Assert.NotEqual(rawAfter, adjustedAfter);
    }

    /// <summary>The cluster's overall raw and adjusted scores, as the page prints them.</summary>
    private static async Task<(double Raw, double Adjusted)> ScoresAsync(IPage page)
    {
        var scores = page.GetByTestId("cluster-adjusted-score");
        await Assertions.Expect(scores).ToBeVisibleAsync();
        return (await NumberAsync(scores.GetByTestId("raw-value")), await NumberAsync(scores.GetByTestId("adjusted-value")));
    }

    private static async Task<double> NumberAsync(ILocator locator) =>
        double.Parse((await locator.InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
}
