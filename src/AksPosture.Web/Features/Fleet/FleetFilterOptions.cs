using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Fleet;

/// <summary>What the fleet filter bar offers a user: their teams, and the subscriptions and environments of the clusters they may see.</summary>
public sealed record FleetFilterChoices(
    IReadOnlyList<(Guid Id, string Name)> Teams,
    IReadOnlyList<(string Id, string Name)> Subscriptions,
    IReadOnlyList<string> Environments);

public interface IFleetFilterChoices
{
    Task<FleetFilterChoices> GetAsync(PortalUser user, CancellationToken cancellationToken);
}

public sealed class FleetFilterChoiceQueries(IDbContextFactory<AppDbContext> dbFactory) : IFleetFilterChoices
{
    public async Task<FleetFilterChoices> GetAsync(PortalUser user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = user.GroupIds.ToArray();
        var teams = await db.Teams.AsNoTracking()
            .Where(t => user.IsAdmin || t.EntraGroupIds.Any(g => groups.Contains(g)))
            .OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        var clusters = selection.Clusters(db).AsNoTracking().Where(c => c.GoneAt == null);
        var subscriptions = await clusters.Select(c => c.SubscriptionId).Distinct()
            .Join(db.Subscriptions, id => id, s => s.SubscriptionId, (id, s) => new { s.SubscriptionId, s.DisplayName })
            .OrderBy(s => s.DisplayName)
            .ToListAsync(cancellationToken);
        var environments = await clusters.Where(c => c.Environment != null).Select(c => c.Environment!).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        return new FleetFilterChoices(
            teams.Select(t => (t.Id, t.Name)).ToList(), subscriptions.Select(s => (s.SubscriptionId, s.DisplayName)).ToList(), environments);
    }
}
