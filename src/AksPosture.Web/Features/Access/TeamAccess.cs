using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Access;

/// <summary>
/// What a Contributor may set going, decided from their teams' definitions rather than from stored clusters: runs of
/// their teams' subscriptions or tag, and imports of clusters in them. Administrators may do both for any cluster.
/// </summary>
public sealed class TeamAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Why <paramref name="user"/> may not start a run of <paramref name="scope"/>, or null when they may.</summary>
    public async Task<string?> CannotStartAsync(PortalUser user, RunScope scope, CancellationToken cancellationToken)
    {
        if (user.IsAdmin)
        {
            return null;
        }

        var teams = await TeamsOfAsync(user, cancellationToken);
        var covered = scope.Kind switch
        {
            RunScopeKind.Subscriptions => scope.SubscriptionIds.All(id => teams.Any(t => t.SubscriptionIds.Contains(id, StringComparer.OrdinalIgnoreCase))),
            RunScopeKind.Tag => teams.Any(t => t.TagKey == scope.TagKey && (t.TagValue ?? "") == scope.TagValue),
            _ => false,
        };
        if (covered)
        {
            return null;
        }

        var yours = teams.SelectMany(ScopesOf).Distinct().ToList();
        return $"A run of '{scope}' would assess clusters outside your teams; runs of the whole fleet need the Admin role. " +
               (yours.Count == 0 ? "You belong to no team yet: ask an administrator to add one of your groups to a team." : $"You may start: {string.Join(", ", yours)}.");
    }

    /// <summary>The snapshots whose cluster belongs to none of <paramref name="user"/>'s teams (none for an administrator).</summary>
    public async Task<IReadOnlyList<ClusterSnapshot>> OutsideTeamsAsync(PortalUser user, IReadOnlyList<ClusterSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (user.IsAdmin)
        {
            return [];
        }

        var teams = await TeamsOfAsync(user, cancellationToken);
        return snapshots.Where(s => !teams.Any(t => Owns(t, s))).ToList();
    }

    // The team membership rule of ClusterSelection, for a cluster that may not be stored yet.
    private static bool Owns(Team team, ClusterSnapshot cluster) =>
        team.SubscriptionIds.Contains(cluster.SubscriptionId, StringComparer.OrdinalIgnoreCase)
        || (team.TagKey is { } key && cluster.Tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase) && t.Value == (team.TagValue ?? "")));

    private static IEnumerable<string> ScopesOf(Team team)
    {
        if (team.SubscriptionIds.Count > 0)
        {
            yield return $"subscription:{string.Join(',', team.SubscriptionIds)}";
        }

        if (team.TagKey is { } key)
        {
            yield return $"tag:{key}={team.TagValue}";
        }
    }

    private async Task<List<Team>> TeamsOfAsync(PortalUser user, CancellationToken cancellationToken)
    {
        var groups = user.GroupIds.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().Where(t => t.EntraGroupIds.Any(g => groups.Contains(g))).ToListAsync(cancellationToken);
    }
}
