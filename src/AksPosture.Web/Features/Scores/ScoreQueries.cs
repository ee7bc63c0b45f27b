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
        IReadOnlyList<ClusterScores> clusters;
        switch (scope.Kind)
        {
            case ScoreScopeKind.Subscription:
                if (!await db.Subscriptions.AnyAsync(s => s.SubscriptionId == id, cancellationToken))
                {
                    return null;
                }

                clusters = await CurrentScores.LoadAsync(db, c => c.SubscriptionId == id, cancellationToken);
                break;
            case ScoreScopeKind.Cluster:
                if (!await db.Clusters.AnyAsync(c => c.ArmIdKey == id, cancellationToken))
                {
                    return null;
                }

                clusters = await CurrentScores.LoadAsync(db, c => c.ArmIdKey == id, cancellationToken);
                break;
            default:
                clusters = await CurrentScores.LoadAsync(db, _ => true, cancellationToken);
                break;
        }

        return (ScoreRollup.Combine(clusters.Select(c => c.Scores)), clusters.Count);
    }
}
