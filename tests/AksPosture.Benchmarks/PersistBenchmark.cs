using System.Diagnostics;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>
/// Persisting a fleet run in PostgreSQL: the portal's path (batches COPY into the run's table, as many at once as a
/// portal has workers, then the finishing transaction: key and attach, lifecycle merge, roll-ups) beside (a) one bare
/// COPY of the same result rows into an unindexed table, measured before, between and after the two runs, and (b)
/// the same write through plain EF Core (<see cref="EfSameWrite"/>) in a fresh database, so its findings are all new
/// as in run 1. Then, with a year of daily runs stored, the median latency of the fleet overview query and of the
/// trend API over HTTP. The write path is warmed up first on a small fleet, as a running portal would be. Needs ConnectionStrings__Posture (a server where the user may create databases); works in
/// throw-away databases it drops afterwards.
/// </summary>
internal static class PersistBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var days = BenchmarkInputs.IntOption(args, "--days", 365);
        var efClusters = Math.Min(BenchmarkInputs.IntOption(args, "--ef-clusters", clusters), clusters);
        var samples = BenchmarkInputs.IntOption(args, "--samples", 50);
        var workers = BenchmarkInputs.IntOption(args, "--workers", new JobsOptions().WorkerCount);
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Posture") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("Set ConnectionStrings__Posture to a PostgreSQL server whose user may create databases (scripts/local-postgres.sh prints one).");
            return 1;
        }

        BenchmarkInputs.PrintLoad("at start");
        var fleet = Assess(clusters);
        var rows = fleet.Sum(f => f.Assessment.Results.Count);
        Console.WriteLine($"{clusters} clusters in {fleet.Select(f => f.SubscriptionId).Distinct().Count()} subscriptions, {rows:N0} result rows per run, " +
                          $"{fleet.Sum(f => f.Assessment.Results.Count(r => r.Status is Engine.Rules.RuleStatus.Fail or Engine.Rules.RuleStatus.Warn)):N0} of them FAIL or WARN");
        Console.WriteLine($"batches of 500 clusters written by {workers} workers at once (Jobs:WorkerCount's default)");

        await WarmUpAsync(server, fleet.Take(200).ToList(), workers);
        await using var database = await BenchmarkDatabase.CreateAsync(server, fleet);
        var copies = new List<TimeSpan> { await CopyUnindexedAsync(database, fleet) };
        var first = await PersistRunAsync(database, fleet, workers);
        copies.Add(await CopyUnindexedAsync(database, fleet));
        var second = await PersistRunAsync(database, fleet, workers);
        copies.Add(await CopyUnindexedAsync(database, fleet));
        var copy = copies.Order().ElementAt(1);

        TimeSpan ef;
        await using (var efDatabase = await BenchmarkDatabase.CreateAsync(server, fleet))
        {
            ef = await EfSameWrite.RunAsync(efDatabase.Factory, fleet.Take(efClusters).ToList());
        }

        var efFull = ef * ((double)clusters / efClusters);
        Print("persist run 1 (all findings new)", first, copy);
        Print("persist run 2 (findings seen again)", second, copy);
        Console.WriteLine($"(a) COPY into an unindexed table : {copy.TotalMilliseconds,8:0} ms, the median of {string.Join(", ", copies.Select(c => $"{c.TotalMilliseconds:0}"))} ms (before run 1, between, after run 2)");
        Console.WriteLine($"(b) EF Core, the same write      : {ef.TotalMilliseconds,8:0} ms for {efClusters} clusters" +
                          (efClusters < clusters ? $", {efFull.TotalMilliseconds:0} ms scaled to {clusters}" : "") + $" ({EfSameWrite.Description})");
        var worst = first.Total > second.Total ? first.Total : second.Total;
        Console.WriteLine($"slowest persist / (a): {worst / copy:0.00}x (target <= 2.00x) {(worst / copy <= 2 ? "MET" : "NOT MET")}");
        Console.WriteLine($"(b) / slowest persist: {efFull / worst:0.0}x (target >= 10x) {(efFull / worst >= 10 ? "MET" : "NOT MET")}");
        BenchmarkInputs.PrintLoad("after the writes");

        await QueryLatency.BuildHistoryAsync(database, days);
        await QueryLatency.MeasureAsync(database, days, samples);
        await QueryLatency.MeasureTeamAsync(database, days, samples);
        return 0;
    }

    // The portal persists runs in a long-lived process: the first and second run of a small fleet, in a database of
    // their own, compile the write path's code and queries before anything is timed.
    private static async Task WarmUpAsync(string server, List<FleetCluster> fleet, int workers)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var database = await BenchmarkDatabase.CreateAsync(server, fleet);
        await PersistRunAsync(database, fleet, workers);
        await PersistRunAsync(database, fleet, workers);
        await CopyUnindexedAsync(database, fleet);
        Console.WriteLine($"warmed up the write path with two runs of {fleet.Count} clusters in {stopwatch.ElapsedMilliseconds} ms (not part of any figure below)");
    }

    internal sealed record Persisted(TimeSpan Writes, TimeSpan Finish, LifecycleChanges Findings)
    {
        public TimeSpan Total => Writes + Finish;
    }

    internal static List<FleetCluster> Assess(int count)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = AssessmentSettings.Default with { AsOf = DateOnly.FromDateTime(DateTime.UtcNow) };
        var fleet = SyntheticFleet.Generate(BenchmarkInputs.SampleFleetFolder, count, seed: 1)
            .SelectMany(d => SnapshotReader.Read(d, "bench").Snapshots)
            .Select(s => new FleetCluster(Guid.CreateVersion7(), s.SubscriptionId, s, ClusterAssessor.Assess(s, settings)))
            .ToList();
        Console.WriteLine($"generated and assessed the synthetic fleet in {stopwatch.ElapsedMilliseconds} ms (not part of any figure below)");
        return fleet;
    }

    // The portal's path: one transaction per batch of 500 (as the batch jobs write, several at once), then the finishing transaction.
    internal static async Task<Persisted> PersistRunAsync(BenchmarkDatabase database, List<FleetCluster> fleet, int workers)
    {
        var runId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var batches = RunBatches.Split(runId, fleet.Select(f => new ClusterRef(f.Id, f.SubscriptionId)).ToList(), 500);
        await using (var db = database.Factory.CreateDbContext())
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
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (batch, cancellationToken) =>
        {
            await using var db = database.Factory.CreateDbContext();
            var stored = batch.ClusterIds.Select(id => new StoredAssessment(id, byId[id].Assessment)).ToList();
            await RunBatchWriter.WriteAsync(db, runId, batch.BatchNo, stored, 0, now, null, cancellationToken);
        });

        var writes = stopwatch.Elapsed;
        stopwatch.Restart();
        await using (var db = database.Factory.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await RunFinisher.FinishAsync(db, new FinishingRun(runId, "fleet", now, fleet.Count, fleet.Count, 0), TimeProvider.System, CancellationToken.None);
            await transaction.CommitAsync();
            return new Persisted(writes, stopwatch.Elapsed, outcome.Findings);
        }
    }

    private static async Task<TimeSpan> CopyUnindexedAsync(BenchmarkDatabase database, List<FleetCluster> fleet)
    {
        await database.ExecuteAsync("DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE rule_results INCLUDING DEFAULTS)");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        await ResultCopy.WriteResultsAsync(connection, "bench_copy", Guid.CreateVersion7(), fleet.Select(f => new StoredAssessment(f.Id, f.Assessment)), CancellationToken.None);
        var elapsed = stopwatch.Elapsed;
        await database.ExecuteAsync("DROP TABLE bench_copy");
        return elapsed;
    }

    private static void Print(string label, Persisted run, TimeSpan copy)
    {
        Console.WriteLine($"{label,-36}: {run.Total.TotalMilliseconds,8:0} ms (batch writes {run.Writes.TotalMilliseconds:0} ms + finishing transaction {run.Finish.TotalMilliseconds:0} ms) = {run.Total / copy:0.00}x (a)");
        Console.WriteLine($"{"",-36}  findings written: {run.Findings.New:N0} new, {run.Findings.SeenAgain:N0} seen again with a change, {run.Findings.Resolved:N0} resolved, {run.Findings.Frozen:N0} frozen");
    }
}
