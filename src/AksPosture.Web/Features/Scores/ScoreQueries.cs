using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Scores;

/// <summary>
/// Current scores for a scope over the clusters the user may see. Administrators read the stored fleet and
/// subscription roll-ups; anyone else gets the scores computed over their teams' clusters, since a stored roll-up
/// includes clusters they may not see.
/// </summary>
public sealed class ScoreQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Null when the scope names a subscription or cluster that is not known, or (to anyone but an administrator) holds none of their clusters.</summary>
    public async Task<(PillarScores Scores, int Clusters)?> GetAsync(PortalUser user, ScoreScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = scope.Id;
        var filter = scope.Kind == ScoreScopeKind.Subscription ? new ClusterFilter(SubscriptionId: id) : ClusterFilter.None;
        var clusters = (await ClusterSelection.ForAsync(db, user, filter, cancellationToken)).Clusters(db);
        switch (scope.Kind)
        {
            case ScoreScopeKind.Cluster:
                clusters = clusters.Where(c => c.ArmIdKey == id);
                return await clusters.AnyAsync(cancellationToken) ? Combine(await CurrentScores.LoadAsync(db, clusters, cancellationToken)) : null;
            case ScoreScopeKind.Subscription:
                var known = user.IsAdmin
                    ? await db.Subscriptions.AnyAsync(s => s.SubscriptionId == id, cancellationToken)
                    : await clusters.AnyAsync(cancellationToken);
                if (!known)
                {
                    return null;
                }

                return (user.IsAdmin ? await ScopeScores.LatestAsync(db, ScopeScoreRollup.ForSubscription(id!), cancellationToken) : null)
                    ?? Combine(await CurrentScores.LoadAsync(db, clusters.Where(c => c.GoneAt == null), cancellationToken));
            default:
                return (user.IsAdmin ? await ScopeScores.LatestAsync(db, ScopeScoreRollup.Fleet, cancellationToken) : null)
                    ?? Combine(await CurrentScores.LoadAsync(db, clusters.Where(c => c.GoneAt == null), cancellationToken));
        }
    }

    private static (PillarScores, int) Combine(IReadOnlyList<ClusterScores> clusters) =>
        (ScoreRollup.Combine(clusters.Select(c => c.Scores)), clusters.Count);
}
