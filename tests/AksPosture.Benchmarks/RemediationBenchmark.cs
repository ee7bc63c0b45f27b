using System.Diagnostics;
using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>
/// The findings explorer and remediation reports on a large fleet: clusters in five tag teams, findings per cluster
/// (a quarter resolved), a year of daily runs whose changes to active counts touch a share of cluster-pillars each
/// day (--churn, percent), and remediation rows for a fifth of the findings. Prints median latencies as an
/// administrator (whole fleet) and as a member of one team, the time to stream a team's CSV export, and what
/// recording the active-count changes adds to finishing a run over the whole fleet. Needs ConnectionStrings__Posture.
/// </summary>
internal static class RemediationBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var days = BenchmarkInputs.IntOption(args, "--days", 365);
        var perCluster = BenchmarkInputs.IntOption(args, "--findings", 40);
        var churn = BenchmarkInputs.IntOption(args, "--churn", 10);
        var samples = BenchmarkInputs.IntOption(args, "--samples", 20);
        var keep = args.Contains("--keep");
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Posture") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("Set ConnectionStrings__Posture to a PostgreSQL server whose user may create databases (scripts/local-postgres.sh prints one).");
            return 1;
        }

        var database = $"aksposture_bench_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await BenchmarkDatabase.ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString;
        try
        {
            var factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString).Options);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
            }

            var stopwatch = Stopwatch.StartNew();
            await BenchmarkDatabase.ExecuteAsync(connectionString, RemediationBenchmarkData.Sql(clusters, days, perCluster, churn, Rules()));

            // What autovacuum does to a table that is only inserted into: the visibility map lets reads use indexes alone.
            await BenchmarkDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE");
            var sizes = await CountsAsync(connectionString);
            Console.WriteLine($"{clusters:N0} clusters, {days} daily runs, {sizes.Findings:N0} findings ({sizes.Active:N0} active), " +
                              $"{sizes.Changes:N0} active-count changes ({churn}% of cluster-pillars a day), {sizes.Remediations:N0} remediation rows; " +
                              $"generated in {stopwatch.Elapsed.TotalSeconds:0} s (not part of any figure)");
            await MeasureAsync(factory, connectionString, samples);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (keep)
            {
                Console.WriteLine($"kept database {database} (--keep); drop it when done");
            }
            else
            {
                await BenchmarkDatabase.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    private static async Task MeasureAsync(IDbContextFactory<AppDbContext> factory, string connectionString, int samples)
    {
        var time = TimeProvider.System;
        var findings = new FindingQueries(factory, time);
        var burnDown = new BurnDownQueries(factory);
        var mttr = new MttrQueries(factory);
        var summary = new RemediationSummaryQueries(factory, time);
        var administrator = new PortalUser("bench-admin", "Bench Admin", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());
        var member = new PortalUser("bench-member", "Bench Member", new HashSet<string>([PortalRoles.Contributor]), new HashSet<string>([RemediationBenchmarkData.GroupId(0)]));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var active = new FindingFilter { States = [FindingState.New, FindingState.Open, FindingState.Reopened] };

        foreach (var (name, user) in new[] { ("admin (whole fleet)", administrator), ("team member (one team)", member) })
        {
            Console.WriteLine($"-- as {name}, median of {samples}:");
            await Report("findings list, page 1, newest first", samples, () => findings.ListAsync(user, FindingFilter.None, FindingSort.Default, 1, 50, CancellationToken.None));
            await Report("findings list, active high, by severity, page 20", samples, () =>
                findings.ListAsync(user, active with { Severity = Severity.High }, new FindingSort(FindingSortField.Severity, true), 20, 50, CancellationToken.None));
            await Report("findings list, text search 'app-3', page 1", samples, () => findings.ListAsync(user, FindingFilter.None with { Text = "app-3" }, FindingSort.Default, 1, 50, CancellationToken.None));
            await Report("findings list, overdue", samples, () => findings.ListAsync(user, FindingFilter.None with { Overdue = true }, FindingSort.Default, 1, 50, CancellationToken.None));
            await Report("burn-down by pillar, 90 days", samples, () => burnDown.GetAsync(user, ClusterFilter.None, today.AddDays(-89), today, BurnDownGrouping.Pillar, CancellationToken.None));
            await Report("burn-down by pillar, 365 days", samples, () => burnDown.GetAsync(user, ClusterFilter.None, today.AddDays(-364), today, BurnDownGrouping.Pillar, CancellationToken.None));
            await Report("burn-down by team, 365 days", samples, () => burnDown.GetAsync(user, ClusterFilter.None, today.AddDays(-364), today, BurnDownGrouping.Team, CancellationToken.None));
            await Report("mean time to remediate, 365 days", samples, () => mttr.GetAsync(user, ClusterFilter.None, today.AddDays(-364), today, CancellationToken.None));
            await Report("remediation summary", samples, () => summary.GetAsync(user, ClusterFilter.None, CancellationToken.None));
        }

        var (rows, elapsed) = await ExportAsync(findings, member);
        Console.WriteLine($"CSV export of one team's findings (all pages): {rows:N0} rows in {elapsed.TotalMilliseconds:0} ms ({rows / elapsed.TotalSeconds:N0} rows/s)");
        Console.WriteLine($"recording active-count changes for a run over every cluster (in the finishing transaction, median of 5): " +
                          $"{(await RecordAsync(factory, connectionString)).TotalMilliseconds:0} ms");
    }

    private static async Task Report<T>(string label, int samples, Func<Task<T>> query)
    {
        var median = await QueryLatency.MedianAsync(samples, query);
        Console.WriteLine($"   {label,-52}: {median.TotalMilliseconds,8:0.0} ms");
    }

    private static async Task<(int Rows, TimeSpan Elapsed)> ExportAsync(FindingQueries findings, PortalUser user)
    {
        var stopwatch = Stopwatch.StartNew();
        var counter = new CountingStream();
        await FindingExport.WriteCsvAsync(counter, findings.StreamAsync(user, FindingFilter.None, FindingSort.Default, CancellationToken.None), CancellationToken.None);
        return (counter.Lines - 1, stopwatch.Elapsed);
    }

    // Every cluster's results changed (the worst case): the recorder recounts all of them. Rolled back each time.
    private static async Task<TimeSpan> RecordAsync(IDbContextFactory<AppDbContext> factory, string connectionString)
    {
        var runId = Guid.CreateVersion7();
        await BenchmarkDatabase.ExecuteAsync(connectionString, $"""
            INSERT INTO assessment_runs (id, trigger, status, queued_at, started_at, finished_at, rule_set_version, scoring_version,
                                         clusters_total, clusters_assessed, clusters_failed, batches_done, batches_total)
            VALUES ('{runId}', 'bench', 'succeeded', now(), now(), now(), 'bench', '1', 0, 0, 0, 0, 0);
            """);
        var times = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await using var db = factory.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE clusters SET latest_run_id = {runId}");
            var clusters = await db.Clusters.Select(c => c.Id).ToArrayAsync();
            var stopwatch = Stopwatch.StartNew();
            await FindingCountRecorder.RecordAsync(db, clusters, DateTimeOffset.UtcNow, CancellationToken.None);
            times.Add(stopwatch.Elapsed);
            await transaction.RollbackAsync();
        }

        return times.Order().ElementAt(times.Count / 2);
    }

    private static async Task<(long Findings, long Active, long Changes, long Remediations)> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM findings), (SELECT count(*) FROM findings WHERE state <> 'resolved'),
                   (SELECT count(*) FROM finding_count_changes), (SELECT count(*) FROM finding_remediations)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static IReadOnlyList<RuleDefinition> Rules() => RuleCatalog.All.Select(r => r.Definition).ToList();

    /// <summary>Counts what an export writes without keeping it.</summary>
    private sealed class CountingStream : Stream
    {
        public int Lines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Lines += buffer.AsSpan(offset, count).Count((byte)'\n');

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Lines += buffer.Span.Count((byte)'\n');
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
