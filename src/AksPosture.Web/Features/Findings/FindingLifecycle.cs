using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Findings;

/// <summary>How many findings one run changed, by kind of change.</summary>
public sealed record LifecycleChanges(int Resolved, int Frozen, int SeenAgain, int New)
{
    public static readonly LifecycleChanges None = new(0, 0, 0, 0);
}

/// <summary>
/// Folds a finished run's results into the finding lifecycle: defects seen for the first time are new, defects
/// seen again are open, resolved ones that fail again are reopened, and active ones whose rule reached a verdict and
/// now passes (or no longer reports the object) are resolved. NA, MANUAL and ERROR leave a finding as it was:
/// missing data (say, Kubernetes objects that were not collected this time) never fixes anything.
/// </summary>
/// <remarks>
/// A run writes only the findings it changes. "Still open, last seen by this run" is not written: a finding whose
/// last-seen time is null is seen by its cluster's latest run, and <see cref="FindingQueries"/> reads it that way.
/// So this runs before the run's clusters point at it, reading their previous latest run to write down what that
/// run saw of findings this run no longer reports. Only the clusters passed in are merged: the caller leaves out
/// clusters whose results did not change (<see cref="ResultDigest"/>), which a merge would not change either.
/// Set-based SQL, one statement per kind of change, each naming the lifecycle columns it owns and no others.
/// </remarks>
internal static class FindingLifecycle
{
    public static async Task<LifecycleChanges> MergeAsync(
        AppDbContext db, Guid runId, Guid[] clusters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Resolved: the rule reached a verdict on the cluster and nothing but PASS is left for the object. Last seen is
        // the run that saw it last: the cluster's latest run, while the finding was live.
        var resolved = await db.Database.ExecuteSqlAsync($"""
            UPDATE findings f
            SET state = 'resolved', resolved_at = {now}, last_run_id = {runId},
                last_seen_at = COALESCE(f.last_seen_at, seen.finished_at, f.first_seen_at)
            FROM clusters c
            LEFT JOIN assessment_runs seen ON seen.id = c.latest_run_id
            WHERE f.cluster_id = ANY({clusters}) AND c.id = f.cluster_id AND f.state <> 'resolved'
              AND EXISTS (SELECT 1 FROM rule_results v
                          WHERE v.run_id = {runId} AND v.cluster_id = f.cluster_id AND v.rule_id = f.rule_id
                            AND v.object_key = '' AND v.status IN ('PASS', 'FAIL', 'WARN'))
              AND NOT EXISTS (SELECT 1 FROM rule_results r
                              WHERE r.run_id = {runId} AND r.cluster_id = f.cluster_id AND r.rule_id = f.rule_id
                                AND r.object_key = f.object_key AND r.status <> 'PASS')
            """, cancellationToken);

        // Frozen: live findings the run neither reports nor resolved (its rule reached no verdict). They keep what the
        // previous latest run made of them, written down now that the cluster's latest run moves on.
        var frozen = await db.Database.ExecuteSqlAsync($"""
            UPDATE findings f
            SET state = CASE WHEN f.state IN ('new', 'reopened') AND f.last_run_id <> c.latest_run_id THEN 'open' ELSE f.state END,
                last_seen_at = seen.finished_at, last_run_id = {runId}
            FROM clusters c
            JOIN assessment_runs seen ON seen.id = c.latest_run_id
            WHERE f.cluster_id = ANY({clusters}) AND c.id = f.cluster_id AND f.state <> 'resolved' AND f.last_seen_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM rule_results r
                              WHERE r.run_id = {runId} AND r.cluster_id = f.cluster_id AND r.rule_id = f.rule_id
                                AND r.object_key = f.object_key AND r.status IN ('FAIL', 'WARN'))
            """, cancellationToken);

        // Seen again, where that changes something: a resolved finding reopens, a frozen one goes live again as open,
        // and a live one takes the run's pillar, severity and result if they differ. Live and unchanged: not touched.
        var seenAgain = await db.Database.ExecuteSqlAsync($"""
            UPDATE findings f
            SET pillar = r.pillar, severity = r.severity, status = r.status,
                state = CASE WHEN f.state = 'resolved' THEN 'reopened' WHEN f.last_seen_at IS NULL THEN f.state ELSE 'open' END,
                reopened_at = CASE WHEN f.state = 'resolved' THEN {now} ELSE f.reopened_at END,
                times_reopened = f.times_reopened + CASE WHEN f.state = 'resolved' THEN 1 ELSE 0 END,
                last_run_id = CASE WHEN f.last_seen_at IS NULL THEN f.last_run_id ELSE {runId} END,
                resolved_at = NULL,
                last_seen_at = NULL
            FROM rule_results r
            WHERE r.run_id = {runId} AND r.cluster_id = ANY({clusters}) AND r.status IN ('FAIL', 'WARN')
              AND f.cluster_id = r.cluster_id AND f.rule_id = r.rule_id AND f.object_key = r.object_key
              AND (f.last_seen_at IS NOT NULL OR f.pillar <> r.pillar OR f.severity <> r.severity OR f.status <> r.status)
            """, cancellationToken);

        // New: defects without a finding. A cluster with no findings at all (every cluster, in a fleet's first run) has
        // nothing to conflict with and is inserted as is; for the others the key decides, row by row, skipping a finding
        // that exists without locking it. Neither needs a join the planner could get wrong on a run table it has no
        // statistics for yet.
        var withoutFindings = await db.Database.SqlQuery<Guid>($"""
            SELECT c AS "Value" FROM unnest({clusters}) c WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.cluster_id = c)
            """).ToArrayAsync(cancellationToken);
        var opened = await InsertNewAsync(db, runId, withoutFindings, now, mayExist: false, cancellationToken)
                     + await InsertNewAsync(db, runId, clusters.Except(withoutFindings).ToArray(), now, mayExist: true, cancellationToken);

        return new LifecycleChanges(resolved, frozen, seenAgain, opened);
    }

    private static async Task<int> InsertNewAsync(
        AppDbContext db, Guid runId, Guid[] clusters, DateTimeOffset now, bool mayExist, CancellationToken cancellationToken)
    {
        if (clusters.Length == 0)
        {
            return 0;
        }

        const string insert = """
            INSERT INTO findings (cluster_id, rule_id, object_key, pillar, severity, status, state,
                                  first_seen_at, last_seen_at, resolved_at, reopened_at, times_reopened, last_run_id)
            SELECT r.cluster_id, r.rule_id, r.object_key, r.pillar, r.severity, r.status, 'new',
                   @now, NULL, NULL, NULL, 0, r.run_id
            FROM rule_results r
            WHERE r.run_id = @run AND r.cluster_id = ANY(@clusters) AND r.status IN ('FAIL', 'WARN')
            ORDER BY r.cluster_id, r.rule_id, r.object_key
            """;
        // In key order, each new key lands beside the last one instead of somewhere down the index.
        await using var command = new NpgsqlCommand(
            mayExist ? insert + " ON CONFLICT (cluster_id, rule_id, object_key) DO NOTHING" : insert, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("clusters", clusters);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
