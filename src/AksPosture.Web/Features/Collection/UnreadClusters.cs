using AksPosture.Engine.Collection;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Collection;

/// <summary>
/// Stored clusters of a run's scope that the inventory did not list because their subscription could not be read
/// (access removed, subscription disabled, moved out of the management group). Nobody knows they are gone, so they are
/// not marked gone: each keeps its last snapshot and scores, the run counts it failed (so it is partial) and says why.
/// A cluster missing from a subscription that was read is gone, as is one never collected from Azure (an import, the sample).
/// </summary>
internal static class UnreadClusters
{
    public static async Task<ClusterListing> KeepAsync(
        AppDbContext db, Guid runId, RunScope scope, FleetScope configured, IReadOnlySet<string> readSubscriptions, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var unread = await FindAsync(db, scope, configured, readSubscriptions, cancellationToken);
        if (unread.Count == 0)
        {
            return new ClusterListing([]);
        }

        foreach (var subscription in unread.GroupBy(c => c.SubscriptionId))
        {
            var ids = subscription.Select(c => c.Id).ToList();
            var failure = $"Subscription {subscription.Key} could not be read from Azure ({configured}): the portal's identity does not see it " +
                          "(access removed, subscription disabled or moved out of the management group). The cluster keeps its last snapshot and scores until a run reads it again.";
            await db.ClusterCollections.Where(k => ids.Contains(k.ClusterId)).ExecuteUpdateAsync(
                s => s.SetProperty(k => k.FailedRunId, runId).SetProperty(k => k.FailedAt, now).SetProperty(k => k.Failure, failure),
                cancellationToken);
        }

        var subscriptions = string.Join(", ", unread.Select(c => c.SubscriptionId).Distinct());
        return new ClusterListing(unread,
            $"{unread.Count} cluster(s) keep their last snapshot and scores: subscription(s) {subscriptions} could not be read from Azure (see each cluster's collection problems).");
    }

    private static async Task<List<ClusterRef>> FindAsync(
        AppDbContext db, RunScope scope, FleetScope configured, IReadOnlySet<string> readSubscriptions, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        // A subscription outside a configured list is out of scope, not unread: its clusters are gone from the portal's view.
        var inConfiguredList = configured.Subscriptions.Count > 0 ? "AND c.subscription_id = ANY(@configured)" : "";
        command.CommandText = $"""
            SELECT c.id, c.subscription_id FROM clusters c JOIN cluster_collections k ON k.cluster_id = c.id
            WHERE c.gone_at IS NULL AND NOT c.is_sample AND {scope.SqlFilter("c", command)}
              AND NOT (c.subscription_id = ANY(@read)) {inConfiguredList}
            ORDER BY c.subscription_id, c.id
            """;
        command.Parameters.AddWithValue("read", readSubscriptions.Select(s => s.ToLowerInvariant()).ToArray());
        if (inConfiguredList.Length > 0)
        {
            command.Parameters.AddWithValue("configured", configured.Subscriptions.ToArray());
        }

        var clusters = new List<ClusterRef>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clusters.Add(new ClusterRef(reader.GetGuid(0), reader.GetString(1)));
        }

        return clusters;
    }
}
