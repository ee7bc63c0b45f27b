using Microsoft.Playwright;

namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// The system Chromium, driven by Playwright (its own browser download is not used). scripts/test.sh installs it and
/// sets AKSPOSTURE_CHROMIUM; without a browser the browser tests fail and say how to get one.
/// </summary>
public static class Chromium
{
    public const string EnvironmentVariable = "AKSPOSTURE_CHROMIUM";

    // Flags that keep a headless browser from reaching out to the network or the sandbox it cannot have in a container.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : "/usr/bin/chromium";
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"No Chromium at {path}, so the browser tests cannot run. Run the tests with the README's test command, scripts/test.sh, " +
                    $"which installs Debian's 'chromium' package, or set {EnvironmentVariable} to a Chromium binary.");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
}
