using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Findings;

/// <summary>One finding that changed between two runs.</summary>
public sealed record FindingChange(
    Guid ClusterId, string ClusterName, string SubscriptionId, string RuleId, string ObjectKey, string Pillar, string Severity, string Result);

public sealed record RunDiff(
    Guid Id, Guid Against, int NewCount, int ResolvedCount, int ReopenedCount,
    IReadOnlyList<FindingChange> New, IReadOnlyList<FindingChange> Resolved, IReadOnlyList<FindingChange> Reopened);

public enum DiffProblem
{
    None,
    NotFound,
    NotEarlier,
    NotFinished,
    ResultsRemoved,
}

/// <summary>
/// Compares the raw results of two finished runs over the clusters both assessed, with the lifecycle's own rules:
/// a defect that appears is new if first seen after the earlier run, reopened if it was known and that run judged
/// it fixed; a defect is resolved when the later run's rule reached a verdict and no longer reports it. Only the
/// clusters the user may see are compared.
/// </summary>
public sealed class RunDiffQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>
    /// Compares the runs over the clusters both assessed that <paramref name="user"/> may see, narrowed to
    /// <paramref name="selection"/> when one is given.
    /// </summary>
    public async Task<(RunDiff? Diff, DiffProblem Problem, string? Detail)> GetAsync(
        PortalUser user, Guid id, Guid against, int limit, CancellationToken cancellationToken, ClusterSelection? selection = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.AssessmentRuns.AsNoTracking().Where(r => r.Id == id || r.Id == against).ToDictionaryAsync(r => r.Id, cancellationToken);
        if (!runs.TryGetValue(id, out var later) || !runs.TryGetValue(against, out var earlier))
        {
            var missing = runs.ContainsKey(id) ? against : id;
            return (null, DiffProblem.NotFound, $"There is no run {missing}; list runs at /api/v1/assessments.");
        }

        if (earlier.QueuedAt >= later.QueuedAt || id == against)
        {
            return (null, DiffProblem.NotEarlier, $"Run {against} is not earlier than run {id}: 'against' must name an earlier run (swap the two ids).");
        }

        foreach (var run in new[] { later, earlier })
        {
            if (run.Status is not (RunStatus.Succeeded or RunStatus.Partial))
            {
                return (null, DiffProblem.NotFinished, $"Run {run.Id} is {run.Status.ToString().ToLowerInvariant()}: only succeeded or partial runs can be compared.");
            }

            if (run.ResultsRemovedAt is not null)
            {
                return (null, DiffProblem.ResultsRemoved,
                    $"The raw results of run {run.Id} were removed on {run.ResultsRemovedAt:yyyy-MM-dd} (Retention:ResultDays); trends and the lifecycle are kept, a diff needs both runs' results.");
            }
        }

        selection ??= await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        foreach (var run in new[] { later, earlier })
        {
            // A run that assessed none of the user's clusters is as unknown to them as one that does not exist.
            if (!user.IsAdmin && !await selection.Clusters(db).AnyAsync(c => db.PillarScoreRollups.Any(r => r.RunId == run.Id && r.ClusterId == c.Id), cancellationToken))
            {
                return (null, DiffProblem.NotFound, $"There is no run {run.Id}; list runs at /api/v1/assessments.");
            }
        }

        var changes = await LoadAsync(db, id, against, earlier.FinishedAt!.Value, selection, cancellationToken);
        var byKind = changes.ToLookup(c => c.Kind, c => c.Change);
        return (new RunDiff(
            id, against, byKind["new"].Count(), byKind["resolved"].Count(), byKind["reopened"].Count(),
            byKind["new"].Take(limit).ToList(), byKind["resolved"].Take(limit).ToList(), byKind["reopened"].Take(limit).ToList()), DiffProblem.None, null);
    }

    private static async Task<List<(string Kind, FindingChange Change)>> LoadAsync(
        AppDbContext db, Guid later, Guid earlier, DateTimeOffset earlierFinished, ClusterSelection selection, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($$"""
            WITH both_runs AS (
                SELECT p.cluster_id FROM pillar_score_rollups p JOIN clusters c ON c.id = p.cluster_id
                WHERE p.run_id = @later AND p.pillar = 'overall' AND {selection}
                INTERSECT
                SELECT cluster_id FROM pillar_score_rollups WHERE run_id = @earlier AND pillar = 'overall'),
            changes AS (
                SELECT CASE WHEN f.first_seen_at IS NULL OR f.first_seen_at > @earlier_finished THEN 'new' ELSE 'reopened' END AS kind,
                       a.cluster_id, a.rule_id, a.object_key, a.pillar, a.severity, a.status
                FROM rule_results a
                JOIN both_runs USING (cluster_id)
                LEFT JOIN findings f ON f.cluster_id = a.cluster_id AND f.rule_id = a.rule_id AND f.object_key = a.object_key
                WHERE a.run_id = @later AND a.status IN ('FAIL', 'WARN')
                  AND NOT EXISTS (SELECT 1 FROM rule_results b
                                  WHERE b.run_id = @earlier AND b.cluster_id = a.cluster_id AND b.rule_id = a.rule_id
                                    AND b.object_key = a.object_key AND b.status IN ('FAIL', 'WARN'))
                  AND (f.first_seen_at IS NULL OR f.first_seen_at > @earlier_finished
                       OR EXISTS (SELECT 1 FROM rule_results v
                                  WHERE v.run_id = @earlier AND v.cluster_id = a.cluster_id AND v.rule_id = a.rule_id
                                    AND v.object_key = '' AND v.status IN ('PASS', 'FAIL', 'WARN')))
                UNION ALL
                SELECT 'resolved', b.cluster_id, b.rule_id, b.object_key, b.pillar, b.severity, b.status
                FROM rule_results b
                JOIN both_runs USING (cluster_id)
                WHERE b.run_id = @earlier AND b.status IN ('FAIL', 'WARN')
                  AND EXISTS (SELECT 1 FROM rule_results v
                              WHERE v.run_id = @later AND v.cluster_id = b.cluster_id AND v.rule_id = b.rule_id
                                AND v.object_key = '' AND v.status IN ('PASS', 'FAIL', 'WARN'))
                  AND NOT EXISTS (SELECT 1 FROM rule_results a
                                  WHERE a.run_id = @later AND a.cluster_id = b.cluster_id AND a.rule_id = b.rule_id
                                    AND a.object_key = b.object_key AND a.status <> 'PASS'))
            SELECT x.kind, x.cluster_id, c.name, c.subscription_id, x.rule_id, x.object_key, x.pillar, x.severity, x.status
            FROM changes x JOIN clusters c ON c.id = x.cluster_id
            ORDER BY x.kind, c.name, x.rule_id, x.object_key
            """.Replace("{selection}", selection.Condition("c"), StringComparison.Ordinal), (NpgsqlConnection)db.Database.GetDbConnection());
        selection.AddParameters(command);
        command.Parameters.AddWithValue("later", later);
        command.Parameters.AddWithValue("earlier", earlier);
        command.Parameters.AddWithValue("earlier_finished", earlierFinished);
        selection.AddParameters(command);
        var changes = new List<(string, FindingChange)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add((reader.GetString(0), new FindingChange(
                reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetString(7), reader.GetString(8))));
        }

        return changes;
    }
}
