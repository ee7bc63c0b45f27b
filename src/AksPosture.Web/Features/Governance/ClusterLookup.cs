using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Governance;

/// <summary>A cluster to pick in a form.</summary>
public sealed record ClusterOption(Guid Id, string Name, string SubscriptionId)
{
    public override string ToString() => Name;
}

/// <summary>Finds the user's clusters by name for the request and attestation forms: a page of matches, never the fleet.</summary>
public sealed class ClusterLookup(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int Limit = 20;

    public async Task<IReadOnlyList<ClusterOption>> SearchAsync(PortalUser user, string? text, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clusters = (await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken)).Clusters(db)
            .AsNoTracking()
            .Where(c => c.GoneAt == null && c.LatestRunId != null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            clusters = clusters.Where(c => EF.Functions.ILike(c.Name, pattern));
        }

        return await clusters.OrderBy(c => c.Name).Take(Limit).Select(c => new ClusterOption(c.Id, c.Name, c.SubscriptionId)).ToListAsync(cancellationToken);
    }
}
