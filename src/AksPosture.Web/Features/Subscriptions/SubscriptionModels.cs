using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Fleet;

namespace AksPosture.Web.Features.Subscriptions;

/// <summary>A subscription as one user sees it: scores and trend of its clusters they may see, and what fails in them.</summary>
public sealed record SubscriptionDetail(
    string SubscriptionId,
    string DisplayName,
    GroupScore Current,
    bool HasSampleClusters,
    IReadOnlyList<ScorePoint> Trend,
    IReadOnlyList<SubscriptionRuleView> Rules,
    RunChanges? Changes);

/// <summary>
/// A rule that fails or warns on clusters of the subscription: one example result (evidence and message), the clusters
/// affected, and what passing it on all of them adds to the subscription's pillar and overall scores.
/// </summary>
public sealed record SubscriptionRuleView(
    RuleResult Example,
    string ExampleCluster,
    RuleDefinition? Rule,
    IReadOnlyList<AffectedCluster> Clusters,
    double PillarIncrease,
    double OverallIncrease);

public sealed record AffectedCluster(Guid Id, string Name, RuleStatus Status);
