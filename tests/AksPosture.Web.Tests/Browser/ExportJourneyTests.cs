using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Browser;

[Trait("Category", "Browser")]
[Collection(BrowserJourneys.Name)]
public sealed partial class ExportJourneyTests(BrowserPortalFixture portal, ITestOutputHelper output)
{
    private const string Header =
        "clusterId,clusterName,clusterArmId,subscriptionId,ruleId,objectKey,pillar,severity,result,status,firstSeenAt,lastSeenAt,resolvedAt," +
        "reopenedAt,timesReopened,clusterGone,key,ruleTitle,environment,owner,dueAt,workflowStatus,ticketUrl,commentCount,overdue";

    [Fact]
    public async Task ExportCsv_FindingsFilteredByPillar_DownloadHoldsEveryFilteredFinding()
    {
        var page = await portal.NewPageAsync();

        await page.GotoInteractiveAsync("/findings");
        // The pager's "1-50 of 866": the total the filters select.
        var pager = page.GetByTestId("findings-grid").Locator(".mud-table-pagination-caption").Filter(new LocatorFilterOptions { HasTextRegex = OfTotal() });
        // Before its first load the grid shows no rows and a total of 0.
        await Assertions.Expect(page.GetByTestId("row-rule").First).ToBeVisibleAsync();
        var unfiltered = TotalOf(await pager.InnerTextAsync());
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "export-01-findings")}");

        // A click can land while the list is still opening and be lost: close whatever is open and choose again, at
        // most three times, until the address carries the filter.
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("filter-pillar").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextString = "Security" }).ClickAsync();
            try
            {
                await page.WaitForURLAsync("**/findings?*pillar=security*", new PageWaitForURLOptions { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                output.WriteLine($"The pillar filter did not take on attempt {attempt}; choosing again.");
                await page.Keyboard.PressAsync("Escape");
            }
        }
        // The grid reloads after the address changes: wait for a total other than the unfiltered one (and not the 0 of a grid still loading).
        await Assertions.Expect(pager).ToHaveTextAsync(new Regex($@"of\s+(?!{unfiltered}\b)(?!0\b)\d"));
        await Assertions.Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex("pillar=security"));
        var total = TotalOf(await pager.InnerTextAsync());
        output.WriteLine($"Security findings: {total} of {unfiltered}");
        output.WriteLine($"Screenshot: {await Screenshots.SaveAsync(page, "export-02-findings-security")}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var records = RemediationClient.ParseCsv(await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8));

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(Header, string.Join(',', records[0]));
        Assert.Equal(total, records.Count - 1);
        var pillar = Array.IndexOf(Header.Split(','), "pillar");
        Assert.All(records.Skip(1), r => Assert.Equal("security", r[pillar]));
    }

    [GeneratedRegex(@"of\s+(\d+)")]
    private static partial Regex OfTotal();

    private static int TotalOf(string pagerText) => int.Parse(OfTotal().Match(pagerText).Groups[1].Value, CultureInfo.InvariantCulture);
}
