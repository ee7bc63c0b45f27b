using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Scores;

/// <summary>Current scores for a scope; null when the scope names a subscription or cluster that is not known.</summary>
public sealed class ScoreQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<(PillarScores Scores, int Clusters)?> GetAsync(ScoreScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = scope.Id;
        switch (scope.Kind)
        {
            case ScoreScopeKind.Subscription:
                if (!await db.Subscriptions.AnyAsync(s => s.SubscriptionId == id, cancellationToken))
                {
                    return null;
                }

                return await ScopeScores.LatestAsync(db, ScopeScoreRollup.ForSubscription(id!), cancellationToken)
                    ?? Combine(await CurrentScores.LoadAsync(db, c => c.SubscriptionId == id && c.GoneAt == null, cancellationToken));
            case ScoreScopeKind.Cluster:
                if (!await db.Clusters.AnyAsync(c => c.ArmIdKey == id, cancellationToken))
                {
                    return null;
                }

                return Combine(await CurrentScores.LoadAsync(db, c => c.ArmIdKey == id, cancellationToken));
            default:
                return await ScopeScores.LatestAsync(db, ScopeScoreRollup.Fleet, cancellationToken)
                    ?? Combine(await CurrentScores.LoadAsync(db, c => c.GoneAt == null, cancellationToken));
        }
    }

    private static (PillarScores, int) Combine(IReadOnlyList<ClusterScores> clusters) =>
        (ScoreRollup.Combine(clusters.Select(c => c.Scores)), clusters.Count);
}
