using System.Diagnostics;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Benchmarks;

/// <summary>
/// Persisting a fleet run in PostgreSQL: the portal's path (COPY into the run's table per batch, then the finishing
/// transaction: attach, lifecycle merge, roll-ups) beside (a) a bare COPY of the same result rows into an unindexed
/// table and (b) EF Core AddRange + SaveChanges of the results and rollups. Then, with a year of daily runs stored,
/// the median latency of the fleet overview query and of the trend API over HTTP. Needs ConnectionStrings__Posture
/// (a server where the user may create databases); works in a throw-away database it drops afterwards.
/// </summary>
internal static class PersistBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var days = BenchmarkInputs.IntOption(args, "--days", 365);
        var efClusters = BenchmarkInputs.IntOption(args, "--ef-clusters", clusters);
        var samples = BenchmarkInputs.IntOption(args, "--samples", 50);
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Posture") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("Set ConnectionStrings__Posture to a PostgreSQL server whose user may create databases (scripts/local-postgres.sh prints one).");
            return 1;
        }

        var database = $"aksposture_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString;
        try
        {
            var factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var fleet = Assess(clusters);
            await StoreFleetAsync(connectionString, fleet);
            var rows = fleet.Sum(f => f.Assessment.Results.Count);
            Console.WriteLine($"{clusters} clusters in {fleet.Select(f => f.SubscriptionId).Distinct().Count()} subscriptions, {rows:N0} result rows per run");

            var first = await PersistRunAsync(factory, fleet);
            var second = await PersistRunAsync(factory, fleet);
            var copy = await CopyUnindexedAsync(connectionString, fleet);
            var ef = await EfAddRangeAsync(factory, fleet.Take(efClusters).ToList());
            var efFull = ef * ((double)clusters / Math.Min(efClusters, clusters));
            Print("persist run 1 (all findings new)", first, copy);
            Print("persist run 2 (findings seen again)", second, copy);
            Console.WriteLine($"(a) COPY into an unindexed table : {copy.TotalMilliseconds,8:0} ms");
            Console.WriteLine($"(b) EF AddRange + SaveChanges    : {ef.TotalMilliseconds,8:0} ms for {Math.Min(efClusters, clusters)} clusters (results + rollups only)" +
                              (efClusters < clusters ? $", {efFull.TotalMilliseconds:0} ms scaled to {clusters}" : ""));
            var worst = first.Total > second.Total ? first.Total : second.Total;
            Console.WriteLine($"slowest persist / (a): {worst / copy:0.00}x (target <= 2.00x) {(worst / copy <= 2 ? "MET" : "NOT MET")}");
            Console.WriteLine($"(b) / slowest persist: {efFull / worst:0.0}x (target >= 10x) {(efFull / worst >= 10 ? "MET" : "NOT MET")}");

            await BuildHistoryAsync(connectionString, days);
            await MeasureQueriesAsync(connectionString, factory, days, samples);
            await MeasureTeamQueriesAsync(connectionString, factory, days, samples);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private sealed record FleetCluster(Guid Id, string SubscriptionId, ClusterSnapshot Snapshot, ClusterAssessment Assessment);

    private sealed record Persisted(TimeSpan Writes, TimeSpan Finish)
    {
        public TimeSpan Total => Writes + Finish;
    }

    private static List<FleetCluster> Assess(int count)
    {
        var stopwatch = Stopwatch.StartNew();
        var folder = BenchmarkInputs.SampleFleetFolder;
        var settings = AssessmentSettings.Default with { AsOf = DateOnly.FromDateTime(DateTime.UtcNow) };
        var fleet = SyntheticFleet.Generate(folder, count, seed: 1)
            .SelectMany(d => SnapshotReader.Read(d, "bench").Snapshots)
            .Select(s => new FleetCluster(Guid.CreateVersion7(), s.SubscriptionId, s, ClusterAssessor.Assess(s, settings)))
            .ToList();
        Console.WriteLine($"generated and assessed the synthetic fleet in {stopwatch.ElapsedMilliseconds} ms (not part of any figure below)");
        return fleet;
    }

    // The portal's path: one transaction per batch of 500 (as the batch jobs write), then the finishing transaction.
    private static async Task<Persisted> PersistRunAsync(IDbContextFactory<AppDbContext> factory, List<FleetCluster> fleet)
    {
        var runId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var batches = RunBatches.Split(runId, fleet.Select(f => new ClusterRef(f.Id, f.SubscriptionId)).ToList(), 500);
        await using (var db = factory.CreateDbContext())
        {
            db.AssessmentRuns.Add(new AssessmentRun
            {
                Id = runId, Trigger = "bench", Scope = "fleet", Status = RunStatus.Running, QueuedAt = now, StartedAt = now, HeartbeatAt = now,
                RuleSetVersion = "bench", ScoringVersion = "1", ClustersTotal = fleet.Count, BatchesTotal = batches.Count,
            });
            db.RunBatches.AddRange(batches);
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            await RunPartitions.CreateAsync((NpgsqlConnection)db.Database.GetDbConnection(), runId, CancellationToken.None);
        }

        var byId = fleet.ToDictionary(f => f.Id);
        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await using var db = factory.CreateDbContext();
            var stored = batch.ClusterIds.Select(id => new StoredAssessment(id, byId[id].Assessment)).ToList();
            await RunBatchWriter.WriteAsync(db, runId, batch.BatchNo, stored, 0, now, null, CancellationToken.None);
        }

        var writes = stopwatch.Elapsed;
        stopwatch.Restart();
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RunFinisher.FinishAsync(db, new FinishingRun(runId, "fleet", now, fleet.Count, fleet.Count, 0), TimeProvider.System, CancellationToken.None);
            await transaction.CommitAsync();
        }

        return new Persisted(writes, stopwatch.Elapsed);
    }

    private static async Task<TimeSpan> CopyUnindexedAsync(string connectionString, List<FleetCluster> fleet)
    {
        await ExecuteAsync(connectionString, "CREATE TABLE bench_copy (LIKE rule_results INCLUDING DEFAULTS)");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        await ResultCopy.WriteResultsAsync(connection, "bench_copy", Guid.CreateVersion7(), fleet.Select(f => new StoredAssessment(f.Id, f.Assessment)), CancellationToken.None);
        return stopwatch.Elapsed;
    }

    // Plain EF Core, as one would write it without the bulk path: a context per 500 clusters, AddRange, SaveChanges.
    private static async Task<TimeSpan> EfAddRangeAsync(IDbContextFactory<AppDbContext> factory, List<FleetCluster> fleet)
    {
        var runId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var db = factory.CreateDbContext())
        {
            db.AssessmentRuns.Add(new AssessmentRun
            {
                Id = runId, Trigger = "bench-ef", Status = RunStatus.Succeeded, QueuedAt = now, StartedAt = now, FinishedAt = now,
                RuleSetVersion = "bench", ScoringVersion = "1",
            });
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await RunPartitions.CreateAsync(connection, runId, CancellationToken.None);
            await RunPartitions.AttachAsync(connection, runId, CancellationToken.None);
        }

        var stopwatch = Stopwatch.StartNew();
        foreach (var chunk in fleet.Chunk(500))
        {
            await using var db = factory.CreateDbContext();
            foreach (var cluster in chunk)
            {
                db.RuleResults.AddRange(cluster.Assessment.Results.Select(r => ResultRecords.ToRecord(r, runId, cluster.Id)));
                db.PillarScoreRollups.AddRange(ResultRecords.ToRollups(cluster.Assessment.Scores, runId, cluster.Id));
            }

            await db.SaveChangesAsync();
        }

        return stopwatch.Elapsed;
    }

    private static async Task StoreFleetAsync(string connectionString, List<FleetCluster> fleet)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow.AddDays(-400);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY subscriptions (subscription_id, display_name, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var subscription in fleet.Select(f => f.SubscriptionId).Distinct())
            {
                await writer.WriteRowAsync(default, subscription, $"Subscription {subscription[..8]}", now, now);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY clusters (id, arm_id, arm_id_key, name, subscription_id, resource_group, location, tags, latest_snapshot, is_sample, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cluster in fleet)
            {
                var s = cluster.Snapshot;
                await writer.StartRowAsync();
                await writer.WriteAsync(cluster.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Id, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Id.ToLowerInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.SubscriptionId, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ResourceGroup, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Location, NpgsqlDbType.Varchar);
                await writer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(SnapshotDocument.ToJson(s), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await ExecuteAsync(connectionString, "ANALYZE");
    }

    // A year of daily fleet runs, inserted set-based from the last run's rollups with some drift.
    private static async Task BuildHistoryAsync(string connectionString, int days)
    {
        var stopwatch = Stopwatch.StartNew();
        await ExecuteAsync(connectionString, $"""
            CREATE TEMP TABLE history AS
            SELECT gen_random_uuid() AS id, d AS finished_at, row_number() OVER (ORDER BY d) AS n
            FROM generate_series(now() - interval '{days} days', now() - interval '1 day', interval '1 day') d;
            INSERT INTO assessment_runs (id, trigger, status, queued_at, started_at, finished_at, heartbeat_at, rule_set_version, scoring_version,
                                         clusters_total, clusters_assessed, clusters_failed, batches_total, batches_done, results_removed_at)
            SELECT h.id, 'history', 'succeeded', h.finished_at, h.finished_at, h.finished_at, h.finished_at, 'bench', '1', 0, 0, 0, 0, 0, h.finished_at
            FROM history h;
            INSERT INTO pillar_score_rollups (run_id, cluster_id, pillar, score, earned, possible)
            SELECT h.id, p.cluster_id, p.pillar, greatest(0, p.score - h.n % 7), p.earned, p.possible
            FROM history h CROSS JOIN pillar_score_rollups p
            WHERE p.run_id = (SELECT id FROM assessment_runs WHERE trigger = 'bench' ORDER BY finished_at DESC LIMIT 1);
            INSERT INTO scope_score_rollups (run_id, scope, pillar, score, earned, possible, clusters, as_of)
            SELECT h.id, s.scope, s.pillar, greatest(0, s.score - h.n % 7), s.earned, s.possible, s.clusters, h.finished_at
            FROM history h CROSS JOIN scope_score_rollups s
            WHERE s.run_id = (SELECT id FROM assessment_runs WHERE trigger = 'bench' ORDER BY finished_at DESC LIMIT 1);
            ANALYZE;
            """);
        Console.WriteLine($"stored {days} daily runs of history (per-cluster and per-scope rollups) in {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static async Task MeasureQueriesAsync(string connectionString, IDbContextFactory<AppDbContext> factory, int days, int samples)
    {
        var overview = new FleetQueries(factory);
        var overviewMedian = await MedianAsync(samples, () => overview.GetOverviewAsync(PortalUser.System, CancellationToken.None));

        // Development without Entra ID: the sample mode signs requests in as the sample administrator.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["ConnectionStrings:Posture"] = connectionString;
        builder.Logging.ClearProviders();
        builder.AddDatabase();
        builder.AddAccess();
        builder.AddAssessments();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
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
        await app.StopAsync();

        Console.WriteLine($"fleet overview query (median of {samples}): {overviewMedian.TotalMilliseconds,6:0.0} ms (target < 50 ms) {(overviewMedian.TotalMilliseconds < 50 ? "MET" : "NOT MET")}");
        Console.WriteLine($"GET /api/v1/scores/trend, {points} daily points (median of {samples}): {trendMedian.TotalMilliseconds,6:0.0} ms (target < 50 ms) {(trendMedian.TotalMilliseconds < 50 ? "MET" : "NOT MET")}");
        Console.WriteLine($"GET /api/v1/scores/trend, weekly (median of {samples}): {weekMedian.TotalMilliseconds,6:0.0} ms");
    }

    // A Reader of a team owning about a twentieth of the fleet: scores and trends are computed over their clusters.
    private static async Task MeasureTeamQueriesAsync(string connectionString, IDbContextFactory<AppDbContext> factory, int days, int samples)
    {
        await ExecuteAsync(connectionString, """
            INSERT INTO teams (id, name, description, subscription_ids, entra_group_ids, created_at, updated_at)
            SELECT gen_random_uuid(), 'bench team', '', array_agg(subscription_id), ARRAY['bench-group'], now(), now()
            FROM (SELECT subscription_id, sum(count(*)) OVER (ORDER BY subscription_id) - count(*) AS before
                  FROM clusters GROUP BY subscription_id) s
            WHERE before < (SELECT count(*) / 20 FROM clusters);
            """);
        var reader = new PortalUser("bench-reader", "Bench Reader", new HashSet<string>([PortalRoles.Reader]), new HashSet<string>(["bench-group"]));
        var overview = new FleetQueries(factory);
        var trends = new TrendQueries(factory);
        var to = DateTimeOffset.UtcNow;
        var from = to.AddDays(-days - 1);
        var teamClusters = 0;
        var overviewMedian = await MedianAsync(samples, async () => teamClusters = (await overview.GetOverviewAsync(reader, CancellationToken.None)).Clusters);
        var points = 0;
        var dayMedian = await MedianAsync(samples, async () =>
            points = (await trends.GetAsync(reader, ScoreScope.Fleet, from, to, TrendInterval.Day, CancellationToken.None))!.Count);
        var monthMedian = await MedianAsync(samples, () =>
            trends.GetAsync(reader, ScoreScope.Fleet, to.AddDays(-30), to, TrendInterval.Day, CancellationToken.None));

        Console.WriteLine($"team of {teamClusters} clusters: fleet overview (median of {samples}): {overviewMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"team of {teamClusters} clusters: fleet trend, {points} daily points (median of {samples}): {dayMedian.TotalMilliseconds,6:0.0} ms");
        Console.WriteLine($"team of {teamClusters} clusters: fleet trend, last 30 days (median of {samples}): {monthMedian.TotalMilliseconds,6:0.0} ms");
    }

    private static async Task<TimeSpan> MedianAsync(int samples, Func<Task> action)
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

    private static void Print(string label, Persisted run, TimeSpan copy) =>
        Console.WriteLine($"{label,-36}: {run.Total.TotalMilliseconds,8:0} ms (batch writes {run.Writes.TotalMilliseconds:0} ms + finishing transaction {run.Finish.TotalMilliseconds:0} ms) = {run.Total / copy:0.00}x (a)");

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
