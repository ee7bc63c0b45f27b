using System.Diagnostics;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Scores;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>
/// Baseline (b): the write a run makes, done the plain EF Core way. Per 500 clusters one context: AddRange of the
/// results and per-cluster rollups, the clusters and their findings loaded as tracked entities, the lifecycle applied
/// to them in C# (the rules FindingLifecycle applies in SQL, so EF writes the same rows), new findings added, the
/// clusters pointed at the run, SaveChanges. Then the fleet and subscription roll-ups and the run's status.
/// </summary>
internal static class EfSameWrite
{
    public const string Description =
        "results + per-cluster rollups + findings lifecycle on tracked entities + cluster pointers + scope rollups, SaveChanges per 500 clusters";

    public static async Task<TimeSpan> RunAsync(IDbContextFactory<AppDbContext> factory, IReadOnlyList<FleetCluster> fleet)
    {
        var runId = Guid.CreateVersion7();
        await using (var db = factory.CreateDbContext())
        {
            var queued = DateTimeOffset.UtcNow;
            db.AssessmentRuns.Add(new AssessmentRun
            {
                Id = runId, Trigger = "bench-ef", Scope = "fleet", Status = RunStatus.Running, QueuedAt = queued, StartedAt = queued,
                RuleSetVersion = "bench", ScoringVersion = "1", ClustersTotal = fleet.Count,
            });
            await db.SaveChangesAsync();
            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await RunPartitions.CreateAsync(connection, runId, CancellationToken.None);
            await RunPartitions.AttachAsync(connection, runId, CancellationToken.None);
        }

        var stopwatch = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        foreach (var chunk in fleet.Chunk(500))
        {
            await WriteChunkAsync(factory, runId, chunk, now);
        }

        await using (var db = factory.CreateDbContext())
        {
            db.ScopeScoreRollups.AddRange(ScopeRollups(runId, fleet, now));
            var run = await db.AssessmentRuns.SingleAsync(r => r.Id == runId);
            (run.Status, run.FinishedAt, run.ClustersAssessed) = (RunStatus.Succeeded, now, fleet.Count);
            await db.SaveChangesAsync();
        }

        return stopwatch.Elapsed;
    }

    private static async Task WriteChunkAsync(IDbContextFactory<AppDbContext> factory, Guid runId, FleetCluster[] chunk, DateTimeOffset now)
    {
        await using var db = factory.CreateDbContext();
        var ids = chunk.Select(c => c.Id).ToList();
        var clusters = await db.Clusters.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var findings = (await db.Findings.Where(f => ids.Contains(f.ClusterId)).ToListAsync()).ToLookup(f => f.ClusterId);
        var latestRuns = clusters.Values.Select(c => c.LatestRunId).OfType<Guid>().Distinct().ToList();
        var finished = await db.AssessmentRuns.Where(r => latestRuns.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.FinishedAt);
        foreach (var cluster in chunk)
        {
            db.RuleResults.AddRange(cluster.Assessment.Results.Select(r => ResultRecords.ToRecord(r, runId, cluster.Id)));
            db.PillarScoreRollups.AddRange(ResultRecords.ToRollups(cluster.Assessment.Scores, runId, cluster.Id));
            var stored = clusters[cluster.Id];
            var previous = stored.LatestRunId is { } latest ? finished[latest] : null;
            Apply(db, runId, now, cluster, findings[cluster.Id], stored.LatestRunId, previous);
            (stored.LatestRunId, stored.LastSeenAt, stored.GoneAt, stored.ResultsDigest) = (runId, now, null, ResultDigest.Of(cluster.Assessment.Results));
        }

        await db.SaveChangesAsync();
    }

    // FindingLifecycle's four statements, one cluster at a time.
    private static void Apply(
        AppDbContext db, Guid runId, DateTimeOffset now, FleetCluster cluster, IEnumerable<Finding> existing, Guid? previousRun, DateTimeOffset? previousSeen)
    {
        var results = cluster.Assessment.Results;
        var defects = results.Where(r => r.Status is RuleStatus.Fail or RuleStatus.Warn).ToDictionary(r => (r.RuleId, r.ObjectKey));
        var unresolved = results.Where(r => r.Status != RuleStatus.Pass).Select(r => (r.RuleId, r.ObjectKey)).ToHashSet();
        var verdicts = results.Where(r => r.ObjectKey == "" && r.Status is RuleStatus.Pass or RuleStatus.Fail or RuleStatus.Warn).Select(r => r.RuleId).ToHashSet();
        var known = new HashSet<(string, string)>();
        foreach (var finding in existing)
        {
            var key = (finding.RuleId, finding.ObjectKey);
            known.Add(key);
            if (defects.TryGetValue(key, out var result))
            {
                SeenAgain(finding, result, runId, now);
            }
            else if (finding.State != FindingState.Resolved && verdicts.Contains(finding.RuleId) && !unresolved.Contains(key))
            {
                (finding.State, finding.ResolvedAt, finding.LastRunId) = (FindingState.Resolved, now, runId);
                finding.LastSeenAt ??= previousSeen ?? finding.FirstSeenAt;
            }
            else if (finding.State != FindingState.Resolved && finding.LastSeenAt is null)
            {
                finding.State = finding.State is FindingState.New or FindingState.Reopened && finding.LastRunId != previousRun ? FindingState.Open : finding.State;
                (finding.LastSeenAt, finding.LastRunId) = (previousSeen, runId);
            }
        }

        db.Findings.AddRange(defects.Where(d => !known.Contains(d.Key)).Select(d => new Finding
        {
            ClusterId = cluster.Id, RuleId = d.Value.RuleId, ObjectKey = d.Value.ObjectKey, Pillar = d.Value.Pillar, Severity = d.Value.Severity,
            Status = d.Value.Status, State = FindingState.New, FirstSeenAt = now, LastRunId = runId,
        }));
    }

    private static void SeenAgain(Finding finding, RuleResult result, Guid runId, DateTimeOffset now)
    {
        (finding.Pillar, finding.Severity, finding.Status) = (result.Pillar, result.Severity, result.Status);
        if (finding.State == FindingState.Resolved)
        {
            (finding.State, finding.ReopenedAt, finding.TimesReopened, finding.LastRunId) = (FindingState.Reopened, now, finding.TimesReopened + 1, runId);
        }
        else if (finding.LastSeenAt is not null)
        {
            (finding.State, finding.LastRunId) = (FindingState.Open, runId);
        }

        (finding.ResolvedAt, finding.LastSeenAt) = (null, null);
    }

    private static IEnumerable<ScopeScoreRollup> ScopeRollups(Guid runId, IReadOnlyList<FleetCluster> fleet, DateTimeOffset now)
    {
        var scopes = fleet.GroupBy(c => ScopeScoreRollup.ForSubscription(c.SubscriptionId)).Select(g => (g.Key, g.ToList()))
            .Prepend((ScopeScoreRollup.Fleet, fleet.ToList()));
        foreach (var (scope, clusters) in scopes)
        {
            var combined = ScoreRollup.Combine(clusters.Select(c => c.Assessment.Scores));
            foreach (var rollup in ResultRecords.ToRollups(combined, runId, Guid.Empty))
            {
                yield return new ScopeScoreRollup
                {
                    RunId = runId, Scope = scope, Pillar = rollup.Pillar, Score = rollup.Score, Earned = rollup.Earned,
                    Possible = rollup.Possible, Clusters = clusters.Count, AsOf = now,
                };
            }
        }
    }
}
