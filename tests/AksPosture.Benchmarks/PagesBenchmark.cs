using System.Diagnostics;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>
/// How fast each portal page shows its first content with a large fleet stored: stores a synthetic fleet through the
/// portal's own import path, serves the portal on a loopback port, and loads every page in the system Chromium,
/// printing the median time to first contentful paint and to the page's data being on screen.
/// </summary>
internal static class PagesBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var samples = BenchmarkInputs.IntOption(args, "--samples", 5);
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Posture") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("Set ConnectionStrings__Posture to a PostgreSQL server whose user may create databases (scripts/local-postgres.sh prints one).");
            return 1;
        }

        var chromium = Environment.GetEnvironmentVariable("AKSPOSTURE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine($"No Chromium at {chromium}: install Debian's 'chromium' package or set AKSPOSTURE_CHROMIUM.");
            return 1;
        }

        var database = $"aksposture_bench_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await BenchmarkDatabase.ExecuteAsync(admin, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString;
            await using var portal = new BenchmarkPortal(connectionString);
            portal.UseKestrel(0);
            portal.StartServer();
            var baseUrl = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

            await StoreFleetAsync(portal.Services, clusters);
            var pages = await PagesAsync(portal.Services);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            Console.WriteLine($"{"page",-34} {"first paint (median)",22} {"data on screen (median)",24} {"worst",8}  target < 1000 ms");
            var worstOverall = 0.0;
            foreach (var (name, url, ready) in pages)
            {
                var timings = new List<(double Paint, double Data)>();
                for (var i = 0; i <= samples; i++)
                {
                    var timing = await LoadAsync(browser, baseUrl + url, ready);
                    if (i > 0)
                    {
                        timings.Add(timing); // the first load warms the server's caches and JIT; it is not counted
                    }
                }

                var paint = Median(timings.Select(t => t.Paint));
                var data = Median(timings.Select(t => t.Data));
                var worst = timings.Max(t => t.Data);
                worstOverall = Math.Max(worstOverall, data);
                Console.WriteLine($"{name,-34} {paint,19:0} ms {data,21:0} ms {worst,5:0} ms  {(data < 1000 ? "MET" : "NOT MET")}");
            }

            Console.WriteLine($"slowest page median, data on screen: {worstOverall:0} ms (target < 1000 ms) {(worstOverall < 1000 ? "MET" : "NOT MET")}");
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await BenchmarkDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task StoreFleetAsync(IServiceProvider services, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        var snapshots = SyntheticFleet.Generate(BenchmarkInputs.SampleFleetFolder, count, seed: 1)
            .Select((document, i) => SnapshotReader.Read(document, $"synthetic-{i}").Snapshots.Single())
            .ToList();
        var names = snapshots.Select(s => s.SubscriptionId).Distinct().ToDictionary(id => id, id => $"Subscription {id[..8]}");
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
            .AssessAsync(snapshots, names, "benchmark", isSample: false, CancellationToken.None);
        Console.WriteLine($"stored {outcome.Run.ClustersAssessed:N0} clusters in {names.Count} subscriptions in {stopwatch.Elapsed.TotalSeconds:0.0} s (run {outcome.Run.Status})");
    }

    /// <summary>Each page with the selector that is on screen once its data is.</summary>
    private static async Task<List<(string Name, string Url, string Ready)>> PagesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var cluster = await db.Clusters.OrderBy(c => c.Name).FirstAsync();
        return
        [
            ("fleet overview", "/", "table tbody tr"),
            ("cluster", $"/clusters/{cluster.Id}", "a[href^='/rules/']"),
            ("rule catalog", "/rules", "table tbody tr"),
            ("runs", "/runs", "table tbody tr"),
            ("schedules", "/schedules", "table tbody tr"),
        ];
    }

    private static async Task<(double Paint, double Data)> LoadAsync(IBrowser browser, string url, string ready)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = 60_000 });
        var data = stopwatch.Elapsed.TotalMilliseconds;
        var paint = await page.EvaluateAsync<double>(
            "() => new Promise(resolve => { const e = performance.getEntriesByName('first-contentful-paint')[0]; if (e) { resolve(e.startTime); return; } " +
            "new PerformanceObserver(l => resolve(l.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true }); })");
        return (paint, data);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// The whole portal in-process on a real port, without the sample fleet. The type argument only names the portal's
    /// assembly (whose entry point runs); this project has a Program of its own.
    /// </summary>
    private sealed class BenchmarkPortal(string connectionString) : WebApplicationFactory<AppDbContext>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot(Path.Combine("src", "AksPosture.Web"));
            builder.UseSetting("ConnectionStrings:Posture", connectionString);
            builder.UseSetting("Database:MigrateOnStartup", "true");
            builder.UseSetting("SampleFleet:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Jobs:Worker", "false");
            builder.UseEnvironment("Development");
        }
    }
}
