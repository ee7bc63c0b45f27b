using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// Folds a run's results into the finding lifecycle: new findings are opened, open ones are seen again,
/// resolved ones that fail again are reopened, and open ones whose rule reached a verdict and now passes (or
/// no longer reports the object) are resolved. NA, MANUAL and ERROR leave a finding as it was: missing data
/// (say, Kubernetes objects that were not collected this time) never fixes anything.
/// </summary>
internal static class FindingLifecycle
{
    // Set-based SQL: one statement per transition instead of loading every finding of the fleet into memory.
    public static async Task<(int Opened, int Resolved)> MergeAsync(AppDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var opened = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO findings AS f (cluster_id, rule_id, object_key, pillar, severity, status, state,
                                       first_seen_at, last_seen_at, resolved_at, reopened_at, times_reopened, last_run_id)
            SELECT r.cluster_id, r.rule_id, r.object_key, r.pillar, r.severity, r.status, 'open',
                   {now}, {now}, NULL, NULL, 0, r.run_id
            FROM rule_results r
            WHERE r.run_id = {runId} AND r.status IN ('FAIL', 'WARN')
            ON CONFLICT (cluster_id, rule_id, object_key) DO UPDATE SET
                pillar = excluded.pillar,
                severity = excluded.severity,
                status = excluded.status,
                state = 'open',
                last_seen_at = excluded.last_seen_at,
                reopened_at = CASE WHEN f.state = 'resolved' THEN excluded.last_seen_at ELSE f.reopened_at END,
                times_reopened = f.times_reopened + CASE WHEN f.state = 'resolved' THEN 1 ELSE 0 END,
                resolved_at = NULL,
                last_run_id = excluded.last_run_id
            """, cancellationToken);

        var resolved = await db.Database.ExecuteSqlAsync($"""
            UPDATE findings f
            SET state = 'resolved', resolved_at = {now}, last_run_id = {runId}
            WHERE f.state = 'open'
              AND EXISTS (SELECT 1 FROM rule_results r
                          WHERE r.run_id = {runId} AND r.cluster_id = f.cluster_id AND r.rule_id = f.rule_id
                            AND r.object_key = '' AND r.status IN ('PASS', 'FAIL', 'WARN'))
              AND NOT EXISTS (SELECT 1 FROM rule_results r
                              WHERE r.run_id = {runId} AND r.cluster_id = f.cluster_id AND r.rule_id = f.rule_id
                                AND r.object_key = f.object_key AND r.status <> 'PASS')
            """, cancellationToken);

        return (opened, resolved);
    }
}
