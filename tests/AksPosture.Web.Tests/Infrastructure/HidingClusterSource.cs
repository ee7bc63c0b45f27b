using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>The stored-snapshot source, except that clusters named in <see cref="Hidden"/> no longer exist (as if deleted in Azure).</summary>
public sealed class HidingClusterSource : IClusterSource
{
    private readonly StoredClusterSource _stored = new();

    public HashSet<string> Hidden { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<ClusterListing> ListAsync(AppDbContext db, Guid runId, RunScope scope, CancellationToken cancellationToken)
    {
        var listing = await _stored.ListAsync(db, runId, scope, cancellationToken);
        if (Hidden.Count == 0)
        {
            return listing;
        }

        var hidden = await db.Clusters.Where(c => Hidden.Contains(c.Name)).Select(c => c.Id).ToListAsync(cancellationToken);
        return listing with { Clusters = listing.Clusters.Where(c => !hidden.Contains(c.Id)).ToList() };
    }

    public Task<IReadOnlyList<SourcedSnapshot>> LoadAsync(AppDbContext db, Guid runId, IReadOnlyList<Guid> clusterIds, CancellationToken cancellationToken) =>
        _stored.LoadAsync(db, runId, clusterIds, cancellationToken);
}

/// <summary>A portal without workers whose cluster source can hide clusters.</summary>
public sealed class HidingPortalFixture : PortalFixture
{
    public HidingClusterSource Source { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IClusterSource>(Source);
}
