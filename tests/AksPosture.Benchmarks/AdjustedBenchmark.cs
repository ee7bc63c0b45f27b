using System.Diagnostics;
using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Benchmarks;

/// <summary>
/// Adjusted scores at fleet scale: with a run of 10,000 clusters stored, a fleet-wide exception on the rule that fails
/// most often is approved. Prints the time to recompute the adjusted rollups of the clusters it reaches, of every
/// cluster, the extra time a run's finishing transaction takes with the exception active, and the median fleet read of
/// raw and adjusted scores (fresh, and in the window after an expiry before the expiry job has run). Needs
/// ConnectionStrings__Posture; works in a throw-away database it drops afterwards.
/// </summary>
internal static class AdjustedBenchmark
{
    private static readonly PortalUser Admin = new("bench", "Benchmark", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var clusters = BenchmarkInputs.IntOption(args, "--clusters", 10_000);
        var samples = BenchmarkInputs.IntOption(args, "--samples", 20);
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Posture") is not { Length: > 0 } server)
        {
            Console.Error.WriteLine("Set ConnectionStrings__Posture to a PostgreSQL server whose user may create databases (scripts/local-postgres.sh prints one).");
            return 1;
        }

        var fleet = PersistBenchmark.Assess(clusters);
        await using var database = await BenchmarkDatabase.CreateAsync(server, fleet);
        var factory = database.Factory;
        var plain = await PersistBenchmark.PersistRunAsync(database, fleet, workers: 4);
        var ruleId = fleet.SelectMany(f => f.Assessment.Results)
            .Where(r => !r.IsObjectResult && r.Status is RuleStatus.Fail or RuleStatus.Warn)
            .GroupBy(r => r.RuleId).MaxBy(g => g.Count())!.Key;
        var now = DateTimeOffset.UtcNow;
        var exceptionId = await ApproveFleetWideAsync(factory, ruleId, now);

        var (adjusted, onApproval) = await TimedAsync(factory, db => AdjustedScoreStore.AfterExceptionChangeAsync(db, exceptionId, now, CancellationToken.None));
        var ids = fleet.Select(f => f.Id).ToList();
        var (_, everyCluster) = await TimedAsync(factory, db => AdjustedScoreStore.RecomputeAsync(db, ids, now, CancellationToken.None));
        var withException = await PersistBenchmark.PersistRunAsync(database, fleet, workers: 4);

        var queries = new AdjustedScoreQueries(factory, TimeProvider.System);
        var selection = await SelectionAsync(factory);
        AdjustedScores? scores = null;
        var read = await QueryLatency.MedianAsync(samples, async () => scores = await queries.GetAsync(selection, CancellationToken.None));
        await database.ExecuteAsync("UPDATE adjusted_score_rollups SET valid_until = now() - interval '1 second'");
        var stale = Stopwatch.StartNew();
        var staleScores = await queries.GetAsync(selection, CancellationToken.None);
        stale.Stop();

        Console.WriteLine($"{clusters} clusters; fleet-wide exception on {ruleId} (the most frequent FAIL/WARN) changes the score of {adjusted}");
        Console.WriteLine($"recompute on approval (all {clusters} it reaches): {onApproval.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"recompute every cluster ({clusters})          : {everyCluster.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"run finishing transaction, no exceptions   : {plain.Finish.TotalMilliseconds,8:0} ms");
        Console.WriteLine($"run finishing transaction, exception active: {withException.Finish.TotalMilliseconds,8:0} ms (adds the recompute of the run's {clusters} clusters)");
        Console.WriteLine($"fleet raw + adjusted read (median of {samples})   : {read.TotalMilliseconds,8:0.0} ms — raw overall {scores!.Raw.Overall}, adjusted {scores.Adjusted.Overall}, {scores.ClustersAdjusted} adjusted");
        Console.WriteLine($"same read after every adjustment expired   : {stale.Elapsed.TotalMilliseconds,8:0} ms (computed in the request until the expiry job runs) — adjusted {staleScores.Adjusted.Overall}");
        return 0;
    }

    private static async Task<Guid> ApproveFleetWideAsync(IDbContextFactory<AppDbContext> factory, string ruleId, DateTimeOffset now)
    {
        await using var db = factory.CreateDbContext();
        var exception = new RuleException
        {
            Id = Guid.CreateVersion7(), RuleId = ruleId, Scope = ExceptionScope.Rule, Category = ExceptionCategory.Mitigated,
            Justification = "Benchmark", ExpiresAt = now.AddDays(30), Status = ExceptionStatus.Approved,
            RequestedById = "a", RequestedByName = "A", RequestedAt = now, DecidedById = "b", DecidedByName = "B", DecidedAt = now,
        };
        db.RuleExceptions.Add(exception);
        await db.SaveChangesAsync();
        return exception.Id;
    }

    private static async Task<(int Clusters, TimeSpan Elapsed)> TimedAsync(IDbContextFactory<AppDbContext> factory, Func<AppDbContext, Task<int>> recompute)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var stopwatch = Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var clusters = await recompute(db);
        await transaction.CommitAsync();
        return (clusters, stopwatch.Elapsed);
    }

    private static async Task<ClusterSelection> SelectionAsync(IDbContextFactory<AppDbContext> factory)
    {
        await using var db = factory.CreateDbContext();
        return await ClusterSelection.ForAsync(db, Admin, ClusterFilter.None, CancellationToken.None);
    }
}
