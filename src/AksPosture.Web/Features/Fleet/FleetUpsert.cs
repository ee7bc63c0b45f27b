using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Fleet;

/// <summary>Adds or refreshes the subscriptions and clusters a run saw.</summary>
internal static class FleetUpsert
{
    public static async Task SubscriptionsAsync(
        AppDbContext db, IEnumerable<string> subscriptionIds, IReadOnlyDictionary<string, string> names, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = subscriptionIds.Distinct().ToList();
        var lookup = names.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value);
        var existing = await db.Subscriptions.Where(s => ids.Contains(s.SubscriptionId)).ToDictionaryAsync(s => s.SubscriptionId, cancellationToken);
        foreach (var id in ids)
        {
            var name = lookup.GetValueOrDefault(id);
            if (existing.TryGetValue(id, out var subscription))
            {
                // Keep a known name when this source did not say one.
                subscription.DisplayName = name ?? subscription.DisplayName;
                subscription.LastSeenAt = now;
            }
            else
            {
                db.Subscriptions.Add(new Subscription { SubscriptionId = id, DisplayName = name ?? id, FirstSeenAt = now, LastSeenAt = now });
            }
        }
    }

    /// <summary>Returns the clusters keyed by lower-case ARM id.</summary>
    public static async Task<Dictionary<string, Cluster>> ClustersAsync(
        AppDbContext db, IEnumerable<ClusterSnapshot> snapshots, bool isSample, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bySnapshotKey = snapshots.ToDictionary(s => s.Id.ToLowerInvariant());
        var keys = bySnapshotKey.Keys.ToList();
        var clusters = await db.Clusters.Where(c => keys.Contains(c.ArmIdKey)).ToDictionaryAsync(c => c.ArmIdKey, cancellationToken);
        foreach (var (key, snapshot) in bySnapshotKey)
        {
            if (!clusters.TryGetValue(key, out var cluster))
            {
                cluster = new Cluster
                {
                    Id = Guid.CreateVersion7(now), ArmId = snapshot.Id, ArmIdKey = key, Name = snapshot.Name,
                    SubscriptionId = snapshot.SubscriptionId, LatestSnapshot = "{}", FirstSeenAt = now,
                };
                db.Clusters.Add(cluster);
                clusters[key] = cluster;
            }

            cluster.ArmId = snapshot.Id;
            cluster.Name = snapshot.Name;
            cluster.SubscriptionId = snapshot.SubscriptionId;
            cluster.ResourceGroup = snapshot.ResourceGroup;
            cluster.Location = snapshot.Location;
            cluster.Tags = new Dictionary<string, string>(snapshot.Tags, StringComparer.OrdinalIgnoreCase);
            cluster.Environment = EnvironmentOf(snapshot);
            cluster.LatestSnapshot = SnapshotDocument.ToJson(snapshot);
            cluster.IsSample = isSample;
            cluster.LastSeenAt = now;
            cluster.GoneAt = null;
        }

        return clusters;
    }

    private static string? EnvironmentOf(ClusterSnapshot snapshot) =>
        AssessmentSettings.Default.EnvironmentTagKeys
            .Select(key => snapshot.Tags.GetValueOrDefault(key))
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
