using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// Records, in a run's finishing transaction and after the lifecycle merge, how the run changed the active findings
/// per cluster and pillar (and over the fleet). The burn-down sums these changes instead of replaying run history.
/// </summary>
internal static class FindingCountRecorder
{
    // Set-based: recount the clusters whose findings the run may have changed (those it found gone drop to zero),
    // compare with the stored counts and write only the differences; a cluster whose results did not change keeps its
    // counts. Folding a run in twice finds nothing left to change. The clusters are passed as arrays because a bad
    // row estimate on the just-updated clusters turns the recount into one index probe per cluster.
    public static async Task RecordAsync(AppDbContext db, Guid[] recount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touched = await db.Clusters
            .Where(c => recount.Contains(c.Id) || c.GoneAt == now)
            .Select(c => new { c.Id, Present = c.GoneAt == null })
            .ToListAsync(cancellationToken);
        if (touched.Count == 0)
        {
            return;
        }

        var all = touched.Select(c => c.Id).ToArray();
        var present = touched.Where(c => c.Present).Select(c => c.Id).ToArray();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        await db.Database.ExecuteSqlAsync($"""
            WITH fresh AS (
                SELECT f.cluster_id, f.pillar, count(*)::int AS active
                FROM findings f
                WHERE f.cluster_id = ANY({present}) AND f.state <> 'resolved'
                GROUP BY f.cluster_id, f.pillar
            ),
            stored AS (
                SELECT a.cluster_id, a.pillar, a.active FROM active_finding_counts a WHERE a.cluster_id = ANY({all})
            ),
            changed AS (
                SELECT coalesce(n.cluster_id, s.cluster_id) AS cluster_id, coalesce(n.pillar, s.pillar) AS pillar,
                       coalesce(n.active, 0) AS active, coalesce(n.active, 0) - coalesce(s.active, 0) AS delta
                FROM fresh n FULL JOIN stored s ON s.cluster_id = n.cluster_id AND s.pillar = n.pillar
                WHERE coalesce(n.active, 0) <> coalesce(s.active, 0)
            ),
            per_cluster AS (
                INSERT INTO finding_count_changes AS x (cluster_id, day, pillar, delta)
                SELECT cluster_id, {day}, pillar, delta FROM changed
                ON CONFLICT (cluster_id, day, pillar) DO UPDATE SET delta = x.delta + excluded.delta
            ),
            fleet AS (
                INSERT INTO fleet_finding_count_changes AS x (day, pillar, delta)
                SELECT {day}, pillar, sum(delta) FROM changed GROUP BY pillar
                ON CONFLICT (day, pillar) DO UPDATE SET delta = x.delta + excluded.delta
            )
            INSERT INTO active_finding_counts AS a (cluster_id, pillar, active)
            SELECT cluster_id, pillar, active FROM changed
            ON CONFLICT (cluster_id, pillar) DO UPDATE SET active = excluded.active
            """, cancellationToken);
    }
}
