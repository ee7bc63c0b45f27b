using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Subscriptions;

public sealed class SubscriptionQueries(
    IDbContextFactory<AppDbContext> dbFactory, TrendQueries trends, AggregatedTrends aggregated, RunChangeQueries changes, TimeProvider time)
{
    public const int TrendDays = 30;

    /// <summary>Null when the subscription is unknown or holds no cluster the user may see under <paramref name="filter"/>.</summary>
    public async Task<SubscriptionDetail?> GetAsync(PortalUser user, string subscriptionId, ClusterFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = subscriptionId.ToLowerInvariant();
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == id, cancellationToken);
        var selected = await SelectedClusters.ForAsync(db, user, filter with { SubscriptionId = id }, cancellationToken);
        if (subscription is null || !await selected.Selection.Clusters(db).AnyAsync(c => c.GoneAt == null, cancellationToken))
        {
            return null;
        }

        // The gains need the sums behind the means, so the scores are aggregated here rather than read from the stored roll-up.
        var current = await GroupScores.OfSelectionAsync(db, selected.Selection, cancellationToken);
        var now = time.GetUtcNow();
        var trend = await selected.TrendAsync(db, trends, aggregated, now.AddDays(-TrendDays), now, TrendInterval.Day, cancellationToken);
        var hasSample = await selected.Selection.Clusters(db).AnyAsync(c => c.IsSample && c.GoneAt == null, cancellationToken);
        var rules = await RulesAsync(db, selected.Selection, current, cancellationToken);
        var changed = await changes.GetAsync(selected.Selection, cancellationToken);
        return new SubscriptionDetail(subscription.SubscriptionId, subscription.DisplayName, current, hasSample, trend, rules, changed);
    }

    private static async Task<List<SubscriptionRuleView>> RulesAsync(
        AppDbContext db, ClusterSelection selection, GroupScore current, CancellationToken cancellationToken)
    {
        var failing = await FailingChecks.LoadAsync(db, selection, cancellationToken);
        var examples = await FailingChecks.ExamplesAsync(db, selection, cancellationToken);
        var overall = current.SumOf(PillarScoreRollup.Overall);
        return failing.Rules
            .Select(rule =>
            {
                var changes = rule.Clusters
                    .Select(c => failing.Scores[c.Id])
                    .Zip(rule.Clusters, (before, c) => (before, ScoreGain.AfterPassing(before, failing.ChecksOf(c.Id, rule.CheckId))))
                    .ToList();
                var (pillar, total) = ScoreGain.ForGroup(current.SumOf(rule.Pillar.Key()), overall, changes, rule.Pillar);
                var (example, exampleCluster) = examples[rule.RuleId];
                return new SubscriptionRuleView(example, exampleCluster, RuleCatalog.Find(rule.RuleId)?.Definition, rule.Clusters, pillar, total);
            })
            .OrderBy(v => v.Example.Pillar)
            .ThenByDescending(v => v.OverallIncrease)
            .ThenByDescending(v => v.Example.Severity)
            .ThenBy(v => v.Example.RuleId, StringComparer.Ordinal)
            .ToList();
    }
}
