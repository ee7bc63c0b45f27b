using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// The clusters a page shows: the user's selection under the page's filter, and — when that is exactly the fleet or one
/// subscription as a whole — the scope whose stored roll-ups give the same numbers without aggregating clusters.
/// </summary>
public sealed record SelectedClusters(ClusterSelection Selection, ScoreScope? StoredScope)
{
    public static async Task<SelectedClusters> ForAsync(AppDbContext db, PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
        return new SelectedClusters(selection, StoredScopeOf(user, filter));
    }

    /// <summary>Current scores: the latest stored roll-up of the scope when there is one, else aggregated from the clusters.</summary>
    public async Task<GroupScore> ScoresAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var stored = StoredScope is { } scope
            ? await ScopeScores.LatestAsync(db, scope.Kind == ScoreScopeKind.Fleet ? ScopeScoreRollup.Fleet : ScopeScoreRollup.ForSubscription(scope.Id!), cancellationToken)
            : null;
        return stored is { } latest ? new GroupScore(latest.Scores, latest.Clusters) : await GroupScores.OfSelectionAsync(db, Selection, cancellationToken);
    }

    /// <summary>Scores per day or week, oldest first.</summary>
    public async Task<IReadOnlyList<ScorePoint>> TrendAsync(
        AppDbContext db, TrendQueries trends, AggregatedTrends aggregated, DateTimeOffset from, DateTimeOffset to, TrendInterval interval,
        CancellationToken cancellationToken)
    {
        // A stored scope exists only for administrators, who may read every stored roll-up.
        if (StoredScope is { } scope && await trends.GetAsync(PortalUser.System, scope, from, to, interval, cancellationToken) is { } stored)
        {
            return stored.Select(ToPoint).ToList();
        }

        var unit = interval == TrendInterval.Week ? "week" : "day";
        var buckets = await aggregated.GetAsync(db, Selection, from, to, unit, cancellationToken);
        return buckets.OrderBy(b => b.Key).Select(b => new ScorePoint(b.Key, b.Value.Scores, b.Value.Clusters)).ToList();
    }

    private static ScoreScope? StoredScopeOf(PortalUser user, ClusterFilter filter)
    {
        if (!user.IsAdmin)
        {
            return null;
        }

        if (filter.IsEmpty)
        {
            return ScoreScope.Fleet;
        }

        return filter.SubscriptionId is { } subscription && filter with { SubscriptionId = null } == ClusterFilter.None
            ? new ScoreScope(ScoreScopeKind.Subscription, subscription.ToLowerInvariant())
            : null;
    }

    /// <summary>A stored trend point as a point of pillar scores.</summary>
    internal static ScorePoint ToPoint(TrendPoint point)
    {
        double?[] scores = [point.Reliability, point.Security, point.CostOptimization, point.OperationalExcellence, point.PerformanceEfficiency];
        var pillars = PillarNames.All.ToDictionary(p => p, p => new PillarScore(scores[(int)p], 0, 0));
        return new ScorePoint(point.At, new PillarScores(pillars, point.Overall), point.Clusters);
    }
}
