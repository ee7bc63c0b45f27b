using System.Diagnostics;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AksPosture.Benchmarks;

/// <summary>With a year of daily fleet runs stored: the median latency of the fleet overview query and of the trend API over HTTP.</summary>
internal static class QueryLatency
{
    // A year of daily scheduled fleet runs, inserted set-based from the last run's rollups with some drift. Setup, not measured:
    // foreign-key triggers are skipped when the user may (session_replication_role), which changes no stored row.
    public static Task BuildHistoryAsync(BenchmarkDatabase database, int days) => BuildHistoryAsync(database.ConnectionString, "bench", days);

    /// <summary>Daily runs before now, copied from the rollups of the latest run started by <paramref name="trigger"/>.</summary>
    public static async Task BuildHistoryAsync(string connectionString, string trigger, int days)
    {
        var stopwatch = Stopwatch.StartNew();
        await BenchmarkDatabase.ExecuteAsync(connectionString, $"""
            DO $$ BEGIN
                IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN SET session_replication_role = replica; END IF;
            END $$;
            CREATE TEMP TABLE history AS
            SELECT gen_random_uuid() AS id, d AS finished_at, row_number() OVER (ORDER BY d) AS n
            FROM generate_series(now() - interval '{days} days', now() - interval '1 day', interval '1 day') d;
            INSERT INTO assessment_runs (id, trigger, scope, status, queued_at, started_at, finished_at, heartbeat_at, rule_set_version, scoring_version,
                                         clusters_total, clusters_assessed, clusters_failed, batches_total, batches_done, results_removed_at)
            SELECT h.id, 'history', 'fleet', 'succeeded', h.finished_at, h.finished_at, h.finished_at, h.finished_at, 'bench', '1', 0, 0, 0, 0, 0, h.finished_at
            FROM history h;
            INSERT INTO pillar_score_rollups (run_id, cluster_id, pillar, score, earned, possible)
            SELECT h.id, p.cluster_id, p.pillar, greatest(0, p.score - h.n % 7), p.earned, p.possible
            FROM history h CROSS JOIN pillar_score_rollups p
            WHERE p.run_id = (SELECT id FROM assessment_runs WHERE trigger = '{trigger}' ORDER BY finished_at DESC LIMIT 1);
            INSERT INTO scope_score_rollups (run_id, scope, pillar, score, earned, possible, clusters, as_of)
            SELECT h.id, s.scope, s.pillar, greatest(0, s.score - h.n % 7), s.earned, s.possible, s.clusters, h.finished_at
            FROM history h CROSS JOIN scope_score_rollups s
            WHERE s.run_id = (SELECT id FROM assessment_runs WHERE trigger = '{trigger}' ORDER BY finished_at DESC LIMIT 1);
            RESET session_replication_role;
            ANALYZE;
            """);
        Console.WriteLine($"stored {days} daily runs of history (per-cluster and per-scope rollups) in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    public static async Task MeasureAsync(BenchmarkDatabase database, int days, int samples)
    {
        // A fresh memo per read times the aggregation (the first load after a run); a shared one, a repeat load.
        FleetQueries Overview(PageMemo memo) => new(database.Factory, new TrendQueries(database.Factory), new AggregatedTrends(), memo, TimeProvider.System);
        var overviewMedian = await MedianAsync(samples, () => Overview(new PageMemo()).GetOverviewAsync(PortalUser.System, ClusterFilter.None, CancellationToken.None));
        var remembered = Overview(new PageMemo());
        var rememberedMedian = await MedianAsync(samples, () => remembered.GetOverviewAsync(PortalUser.System, ClusterFilter.None, CancellationToken.None));

        // Development without Entra ID: the sample mode signs requests in as the sample administrator.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:Posture"] = database.ConnectionString;
        builder.Logging.ClearProviders();
        builder.AddDatabase();
        // Timing, not throttling: the per-user API limit would otherwise count the samples.
        builder.Configuration["Security:ApiPermitLimit"] = "1000000";
        builder.AddAccess();
        builder.AddSecurity();
        builder.AddAssessments();
        builder.AddGovernance();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Development validates every registration at build; this host wires only what the scores API needs.
        builder.Host.UseDefaultServiceProvider(options => options.ValidateOnBuild = false);
        await using var app = builder.Build();
        app.UseAccess();
        app.MapScoresApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var from = DateTimeOffset.UtcNow.AddDays(-days - 1).ToString("yyyy-MM-dd");
        var points = 0;
        var trendMedian = await MedianAsync(samples, async () =>
        {
            var response = await client.GetAsync($"/api/v1/scores/trend?scope=fleet&interval=day&from={from}");
            response.EnsureSuccessStatusCode();
            points = (await response.Content.ReadAsStringAsync()).Split("\"at\"").Length - 1;
        });
        var weekMedian = await MedianAsync(samples, async () =>
            (await client.GetAsync($"/api/v1/scores/trend?scope=fleet&interval=week&from={from}")).EnsureSuccessStatusCode());
        var scoresMedian = await MedianAsync(samples, async () =>
            (await client.GetAsync("/api/v1/scores?scope=fleet")).EnsureSuccessStatusCode());
        await app.StopAsync();

        Console.WriteLine($"GET /api/v1/scores?scope=fleet, raw and adjusted (median of {samples}): {scoresMedian.TotalMilliseconds,6:0.0} ms (target < 50 ms) {(scoresMedian.TotalMilliseconds < 50 ? "MET" : "NOT MET")}");
        Console.WriteLine($"fleet overview page's whole query (scores, trend, heat map, teams, worst clusters, most failed rules, first page of clusters; median of {samples}): {overviewMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"fleet overview, read again with nothing changed (the remembered overview behind its stamp; median of {samples}): {rememberedMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"GET /api/v1/scores/trend, {points} daily points (median of {samples}): {trendMedian.TotalMilliseconds,6:0.0} ms (target < 50 ms) {(trendMedian.TotalMilliseconds < 50 ? "MET" : "NOT MET")}");
        Console.WriteLine($"GET /api/v1/scores/trend, weekly (median of {samples}): {weekMedian.TotalMilliseconds,6:0.0} ms");
    }

    // A Reader of a team owning about a twentieth of the fleet: scores and trends are computed over their clusters.
    public static async Task MeasureTeamAsync(BenchmarkDatabase database, int days, int samples)
    {
        await database.ExecuteAsync("""
            INSERT INTO teams (id, name, description, subscription_ids, entra_group_ids, created_at, updated_at)
            SELECT gen_random_uuid(), 'bench team', '', array_agg(subscription_id), ARRAY['bench-group'], now(), now()
            FROM (SELECT subscription_id, sum(count(*)) OVER (ORDER BY subscription_id) - count(*) AS before
                  FROM clusters GROUP BY subscription_id) s
            WHERE before < (SELECT count(*) / 20 FROM clusters);
            """);
        var reader = new PortalUser("bench-reader", "Bench Reader", new HashSet<string>([PortalRoles.Reader]), new HashSet<string>(["bench-group"]));
        var trends = new TrendQueries(database.Factory);
        var to = DateTimeOffset.UtcNow;
        var teamClusters = 0;
        // A fresh memo per read: the aggregation is timed, not a remembered overview.
        var overviewMedian = await MedianAsync(samples, async () =>
            teamClusters = (await new FleetQueries(database.Factory, trends, new AggregatedTrends(), new PageMemo(), TimeProvider.System)
                .GetOverviewAsync(reader, ClusterFilter.None, CancellationToken.None)).Clusters);
        var points = 0;
        var yearMedian = await MedianAsync(samples, async () =>
            points = (await trends.GetAsync(reader, ScoreScope.Fleet, to.AddDays(-days - 1), to, TrendInterval.Day, CancellationToken.None))!.Count);
        var monthMedian = await MedianAsync(samples, () =>
            trends.GetAsync(reader, ScoreScope.Fleet, to.AddDays(-30), to, TrendInterval.Day, CancellationToken.None));

        Console.WriteLine($"team of {teamClusters} clusters: fleet overview, aggregated, its trend read after (median of {samples}): {overviewMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"team of {teamClusters} clusters: fleet trend, {points} daily points (median of {samples}): {yearMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"team of {teamClusters} clusters: fleet trend, last 30 days (median of {samples}): {monthMedian.TotalMilliseconds,6:0.0} ms");
    }

    internal static async Task<TimeSpan> MedianAsync(int samples, Func<Task> action)
    {
        for (var i = 0; i < 5; i++)
        {
            await action();
        }

        var times = new List<TimeSpan>();
        for (var i = 0; i < samples; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await action();
            times.Add(stopwatch.Elapsed);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
