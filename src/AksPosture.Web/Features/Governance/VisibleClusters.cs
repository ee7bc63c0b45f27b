using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Governance;

/// <summary>Finds clusters through <see cref="ClusterSelection"/>, so nobody acts on a cluster outside their teams.</summary>
public static class VisibleClusters
{
    public static async Task<Cluster?> FindAsync(AppDbContext db, PortalUser user, ClusterReference reference, CancellationToken cancellationToken)
    {
        var clusters = (await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken)).Clusters(db).AsNoTracking();
        return reference.Id is { } id
            ? await clusters.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            : await clusters.FirstOrDefaultAsync(c => c.ArmIdKey == reference.ArmIdKey, cancellationToken);
    }

    /// <summary>The ids of the clusters the user may see under a filter, as a query to compose on.</summary>
    public static async Task<IQueryable<Guid>> IdsAsync(AppDbContext db, PortalUser user, ClusterFilter filter, CancellationToken cancellationToken) =>
        (await ClusterSelection.ForAsync(db, user, filter, cancellationToken)).Clusters(db).Select(c => c.Id);

    public static string NotVisible(string text) =>
        $"There is no cluster '{text}' among the clusters of your teams; check the id (the GUID in /clusters/{{id}} or the ARM resource id).";
}
