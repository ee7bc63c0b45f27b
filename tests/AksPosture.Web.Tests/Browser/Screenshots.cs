using Microsoft.Playwright;

namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// Screenshots (the visible part of the page, as a user first sees it) of what the browser tests saw, in artifacts/screenshots at the repository root (or in
/// AKSPOSTURE_SCREENSHOTS), so a reviewer can look at every page after a run.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("AKSPOSTURE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(RepositoryRoot(), "artifacts", "screenshots"));

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AksPosture.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
