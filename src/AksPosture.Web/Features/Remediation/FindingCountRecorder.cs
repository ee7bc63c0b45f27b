using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// Records, in a run's finishing transaction and after the lifecycle merge, how the run changed the active findings
/// per cluster and pillar. The burn-down sums these changes instead of replaying run history.
/// </summary>
internal static class FindingCountRecorder
{
    // Set-based: one statement recounts the clusters the run assessed (and those it found gone, which drop to zero),
    // compares with the stored counts and writes only the differences. Folding a run in twice finds nothing to change.
    public static Task<int> RecordAsync(AppDbContext db, Guid runId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            WITH touched AS (
                SELECT c.id, c.gone_at IS NULL AS present
                FROM clusters c
                WHERE c.latest_run_id = {runId} OR c.gone_at = {now}
            ),
            fresh AS (
                SELECT f.cluster_id, f.pillar, count(*)::int AS active
                FROM findings f JOIN touched t ON t.id = f.cluster_id AND t.present
                WHERE f.state <> 'resolved'
                GROUP BY f.cluster_id, f.pillar
            ),
            stored AS (
                SELECT a.cluster_id, a.pillar, a.active
                FROM active_finding_counts a JOIN touched t ON t.id = a.cluster_id
            ),
            changed AS (
                SELECT coalesce(n.cluster_id, s.cluster_id) AS cluster_id, coalesce(n.pillar, s.pillar) AS pillar,
                       coalesce(n.active, 0) AS active, coalesce(n.active, 0) - coalesce(s.active, 0) AS delta
                FROM fresh n FULL JOIN stored s ON s.cluster_id = n.cluster_id AND s.pillar = n.pillar
                WHERE coalesce(n.active, 0) <> coalesce(s.active, 0)
            ),
            history AS (
                INSERT INTO finding_count_changes (run_id, cluster_id, pillar, at, delta)
                SELECT {runId}, cluster_id, pillar, {now}, delta FROM changed
                ON CONFLICT (run_id, cluster_id, pillar) DO UPDATE SET delta = finding_count_changes.delta + excluded.delta
            )
            INSERT INTO active_finding_counts (cluster_id, pillar, active)
            SELECT cluster_id, pillar, active FROM changed
            ON CONFLICT (cluster_id, pillar) DO UPDATE SET active = excluded.active
            """, cancellationToken);
}
