using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Collection;

/// <summary>Stores what a live collection read: subscriptions and their names, clusters with their snapshot bundles, and how each was collected.</summary>
internal static class CollectedSnapshots
{
    // Few enough bundles to hold in one unit of work, enough to keep round trips few for a fleet of thousands.
    private const int ChunkSize = 250;

    /// <summary>Upserts every collected cluster; returns them as the run's clusters.</summary>
    public static async Task<List<ClusterRef>> SaveAsync(
        IDbContextFactory<AppDbContext> dbFactory, Guid runId, FleetCollection fleet, DateTimeOffset collectedAt, CancellationToken cancellationToken)
    {
        var listed = new List<ClusterRef>(fleet.Clusters.Count);
        foreach (var chunk in fleet.Clusters.Chunk(ChunkSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var earlier = await EarlierAsync(db, chunk.Where(s => RetainedDataSets.FailedIn(s).Any()), cancellationToken);
            await FleetUpsert.SubscriptionsAsync(db, chunk.Select(s => s.SubscriptionId), fleet.SubscriptionNames, collectedAt, cancellationToken);
            var clusters = await FleetUpsert.ClustersAsync(db, chunk, isSample: false, collectedAt, cancellationToken);
            var ids = clusters.Values.Select(c => c.Id).ToList();
            var rows = await db.ClusterCollections.Where(k => ids.Contains(k.ClusterId)).ToDictionaryAsync(k => k.ClusterId, cancellationToken);
            foreach (var snapshot in chunk)
            {
                var key = snapshot.Id.ToLowerInvariant();
                var cluster = clusters[key];
                if (!rows.TryGetValue(cluster.Id, out var row))
                {
                    row = new ClusterCollection { ClusterId = cluster.Id };
                    db.ClusterCollections.Add(row);
                }

                row.RunId = runId;
                row.CollectedAt = collectedAt;
                row.FailedRunId = null;
                row.FailedAt = null;
                row.Failure = null;
                row.RetainedDataSets = earlier.TryGetValue(key, out var before)
                    ? RetainedDataSets.Merge(RetainedDataSets.FailedIn(snapshot), before.Snapshot, before.CollectedAt, before.Retained)
                    : RetainedDataSets.None;
                listed.Add(new ClusterRef(cluster.Id, cluster.SubscriptionId));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return listed;
    }

    /// <summary>
    /// Clusters the inventory listed but the run's filter left out still exist: seeing them keeps the run from marking
    /// them gone (a cluster whose tag changed falls out of a tag scope, it is not deleted).
    /// </summary>
    public static async Task TouchAsync(AppDbContext db, IReadOnlyList<ClusterSnapshot> seen, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = seen.Select(s => s.Id.ToLowerInvariant()).ToList();
        if (keys.Count > 0)
        {
            await db.Clusters.Where(c => keys.Contains(c.ArmIdKey) && c.GoneAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSeenAt, now), cancellationToken);
        }
    }

    private sealed record Earlier(string Snapshot, DateTimeOffset CollectedAt, string Retained);

    // What is stored for clusters this collection could not read in full, before it is replaced.
    private static async Task<Dictionary<string, Earlier>> EarlierAsync(AppDbContext db, IEnumerable<ClusterSnapshot> incomplete, CancellationToken cancellationToken)
    {
        var keys = incomplete.Select(s => s.Id.ToLowerInvariant()).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await (
            from c in db.Clusters.AsNoTracking()
            where keys.Contains(c.ArmIdKey)
            join k in db.ClusterCollections.AsNoTracking() on c.Id equals k.ClusterId into collections
            from k in collections.DefaultIfEmpty()
            select new { c.ArmIdKey, c.LatestSnapshot, c.LastSeenAt, CollectedAt = (DateTimeOffset?)k!.CollectedAt, Retained = (string?)k.RetainedDataSets })
            .ToListAsync(cancellationToken);
        // An imported snapshot has no collection time; when it was last seen is the best there is.
        return rows.ToDictionary(r => r.ArmIdKey, r => new Earlier(r.LatestSnapshot, r.CollectedAt ?? r.LastSeenAt, r.Retained ?? RetainedDataSets.None));
    }
}
