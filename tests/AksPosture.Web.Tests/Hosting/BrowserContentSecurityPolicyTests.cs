using AksPosture.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AksPosture.Web.Tests.Hosting;

/// <summary>
/// The portal in the system Chromium under its real Content-Security-Policy: pages render, the interactive circuit
/// connects (a MudBlazor menu opens and in-app navigation works), and the browser reports no violation.
/// </summary>
public sealed class BrowserContentSecurityPolicyTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    // The browser records every violation the page would otherwise only print to its console.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private TestDatabase? _database;
    private PortalFactory? _portal;

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _portal = new PortalFactory(_database.ConnectionString, sampleFleet: true, worker: true);
        _portal.UseKestrel(0);
        _portal.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _portal!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    [Fact]
    public async Task Portal_InChromium_RendersConnectsTheCircuitAndViolatesNothing()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { BaseURL = _portal!.ClientOptions.BaseAddress.ToString() });
        await page.AddInitScriptAsync(RecordViolations);
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        try
        {
            var circuit = await page.RunAndWaitForWebSocketAsync(() => page.GotoAsync("/runs"));
            await OpenMenuOnceInteractiveAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await page.GetByRole(AriaRole.Link, new() { Name = "Rule catalog" }).ClickAsync();
            await page.WaitForURLAsync("**/rules", new() { Timeout = 15_000 });
            await page.Locator(".mud-main-content").GetByText("Rule catalog", new() { Exact = true }).WaitForAsync();

            var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
            Assert.Empty(violations);
            Assert.Contains("/_blazor", circuit.Url);
            Assert.False(circuit.IsClosed);
            Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "browser-csp-failure.png"), FullPage = true });
            throw;
        }
    }

    // A click before the circuit is up lands on the prerendered page and does nothing; the menu opens once it is up.
    private static async Task OpenMenuOnceInteractiveAsync(IPage page)
    {
        var item = page.GetByText("Riley Reader (sample, Payments team)");
        for (var attempt = 0; attempt < 20 && !await item.IsVisibleAsync(); attempt++)
        {
            await page.GetByTestId("sample-user-menu").ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }

        await item.WaitForAsync(new() { Timeout = 1_000 });
    }
}
