using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AksPosture.Web.Tests.Browser;

/// <summary>
/// The portal on a real loopback port (Kestrel, so Blazor's circuit runs over a WebSocket as it does for users) with
/// the sample fleet loaded, and one headless Chromium. Each test opens its own browser context.
/// </summary>
public sealed class BrowserPortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private PortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    public PortalFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        // Fail before any set-up when there is no browser, with the message that says how to get one.
        _ = Chromium.ExecutablePath;
        _database = await PostgresServer.CreateDatabaseAsync();
        _factory = new PortalFactory(_database.ConnectionString, sampleFleet: true, worker: true);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        await Eventually.Async(async () =>
        {
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            return await db.AssessmentRuns.AnyAsync(r => r.Trigger == SampleFleetJob.Trigger && r.Status != RunStatus.Running);
        }, "the sample fleet run to finish");

        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh context (own cookies, so its own sample user) with one page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
