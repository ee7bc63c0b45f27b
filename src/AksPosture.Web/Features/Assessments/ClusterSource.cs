using AksPosture.Web.Data;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>A cluster a run will assess.</summary>
public sealed record ClusterRef(Guid Id, string SubscriptionId);

/// <summary>The clusters a run will assess, and a note for the run when some of them could not be collected.</summary>
public sealed record ClusterListing(IReadOnlyList<ClusterRef> Clusters, string? Note = null);

/// <summary>A snapshot to assess, or why there is none.</summary>
public sealed record SourcedSnapshot(Guid ClusterId, Engine.Snapshots.ClusterSnapshot? Snapshot, string? Error);

/// <summary>The source could not list the scope's clusters at all; the message says why and what to fix. The run fails and nothing is changed.</summary>
public sealed class ClusterSourceException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Where a run gets its clusters and snapshots: live Azure when the portal is configured for it
/// (<see cref="Collection.AzureClusterSource"/>), else the latest stored snapshot of each cluster (<see cref="StoredClusterSource"/>).
/// </summary>
public interface IClusterSource
{
    /// <summary>
    /// The clusters of the scope that exist now. Stored clusters of the scope missing here are marked gone when the run
    /// finishes. Called before the run is planned and outside any transaction: a live source collects here, which takes a
    /// while, and reports its progress on the run.
    /// </summary>
    Task<ClusterListing> ListAsync(AppDbContext db, Guid runId, RunScope scope, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourcedSnapshot>> LoadAsync(AppDbContext db, Guid runId, IReadOnlyList<Guid> clusterIds, CancellationToken cancellationToken);
}

public sealed class StoredClusterSource : IClusterSource
{
    public async Task<ClusterListing> ListAsync(AppDbContext db, Guid runId, RunScope scope, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        command.CommandText = $"SELECT c.id, c.subscription_id FROM clusters c WHERE c.gone_at IS NULL AND {scope.SqlFilter("c", command)} ORDER BY c.subscription_id, c.id";
        var clusters = new List<ClusterRef>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            clusters.Add(new ClusterRef(reader.GetGuid(0), reader.GetString(1)));
        }

        return new ClusterListing(clusters);
    }

    public async Task<IReadOnlyList<SourcedSnapshot>> LoadAsync(AppDbContext db, Guid runId, IReadOnlyList<Guid> clusterIds, CancellationToken cancellationToken)
    {
        var stored = await db.Clusters.AsNoTracking()
            .Where(c => clusterIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ArmId, c.LatestSnapshot })
            .ToListAsync(cancellationToken);
        var found = stored.ToDictionary(c => c.Id);
        return clusterIds.Select(id =>
        {
            if (!found.TryGetValue(id, out var cluster))
            {
                return new SourcedSnapshot(id, null, "The cluster was deleted from the portal while the run was going.");
            }

            var (snapshot, error) = SnapshotDocument.Read(cluster.LatestSnapshot, $"stored snapshot of {cluster.ArmId}");
            return new SourcedSnapshot(id, snapshot, error);
        }).ToList();
    }
}
