using Microsoft.Playwright;

namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// Pages are prerendered: a freshly loaded page shows its content before its Blazor circuit runs, and clicks on buttons
/// or rows do nothing until then. Journeys that press more than links wait for the layout to say it is interactive.
/// </summary>
public static class Interactivity
{
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();
    }

    /// <summary>Acts as another sample user from now on (the open sample mode's cookie), then opens <paramref name="returnUrl"/>.</summary>
    public static Task ActAsAsync(this IPage page, string sampleUser, string returnUrl) =>
        page.GotoInteractiveAsync($"/sample/act-as/{sampleUser}?returnUrl={Uri.EscapeDataString(returnUrl)}");
}
