using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// Folds a finished run's results into the finding lifecycle: defects seen for the first time are new, defects
/// seen again are open, resolved ones that fail again are reopened, and active ones whose rule reached a verdict and
/// now passes (or no longer reports the object) are resolved. NA, MANUAL and ERROR leave a finding as it was:
/// missing data (say, Kubernetes objects that were not collected this time) never fixes anything.
/// </summary>
internal static class FindingLifecycle
{
    // Set-based SQL: one statement per transition instead of loading every finding of the fleet into memory. Both
    // statements skip findings this run already touched, so folding a run in twice changes nothing.
    public static async Task<(int Seen, int Resolved)> MergeAsync(AppDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var seen = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO findings AS f (cluster_id, rule_id, object_key, pillar, severity, status, state,
                                       first_seen_at, last_seen_at, resolved_at, reopened_at, times_reopened, last_run_id)
            SELECT r.cluster_id, r.rule_id, r.object_key, r.pillar, r.severity, r.status, 'new',
                   {now}, {now}, NULL, NULL, 0, r.run_id
            FROM rule_results r
            WHERE r.run_id = {runId} AND r.status IN ('FAIL', 'WARN')
            ON CONFLICT (cluster_id, rule_id, object_key) DO UPDATE SET
                pillar = excluded.pillar,
                severity = excluded.severity,
                status = excluded.status,
                state = CASE WHEN f.state = 'resolved' THEN 'reopened' ELSE 'open' END,
                last_seen_at = excluded.last_seen_at,
                reopened_at = CASE WHEN f.state = 'resolved' THEN excluded.last_seen_at ELSE f.reopened_at END,
                times_reopened = f.times_reopened + CASE WHEN f.state = 'resolved' THEN 1 ELSE 0 END,
                resolved_at = NULL,
                last_run_id = excluded.last_run_id
            WHERE f.last_run_id <> excluded.last_run_id
            """, cancellationToken);

        // Defects seen above now carry this run's id, so only findings this run did not see are left to judge.
        var resolved = await db.Database.ExecuteSqlAsync($"""
            UPDATE findings f
            SET state = 'resolved', resolved_at = {now}, last_run_id = {runId}
            FROM rule_results v
            WHERE v.run_id = {runId} AND v.object_key = '' AND v.status IN ('PASS', 'FAIL', 'WARN')
              AND f.cluster_id = v.cluster_id AND f.rule_id = v.rule_id
              AND f.state <> 'resolved' AND f.last_run_id <> {runId}
              AND NOT EXISTS (SELECT 1 FROM rule_results r
                              WHERE r.run_id = {runId} AND r.cluster_id = f.cluster_id AND r.rule_id = f.rule_id
                                AND r.object_key = f.object_key AND r.status <> 'PASS')
            """, cancellationToken);

        return (seen, resolved);
    }
}
