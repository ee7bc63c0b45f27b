using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Fleet;

/// <summary>The fleet's current posture: scores, per-subscription scores, and whether any of it is sample data.</summary>
public sealed record FleetOverview(
    PillarScores Scores,
    int Clusters,
    bool HasSampleClusters,
    IReadOnlyList<SubscriptionScoreRow> Subscriptions,
    string? RuleSetVersion,
    DateTimeOffset? LastAssessedAt);

public sealed record SubscriptionScoreRow(string SubscriptionId, string DisplayName, PillarScores Scores, int Clusters);

public sealed record ClusterScoreRow(
    Guid Id, string Name, string SubscriptionId, string SubscriptionName, string? Environment, bool IsSample, PillarScores Scores);

/// <summary>One page of the cluster list; <paramref name="SortBy"/> is <c>name</c>, <c>subscription</c>, <c>environment</c>, <c>overall</c> or a pillar key.</summary>
public sealed record ClusterListRequest(int Page, int PageSize, string? SortBy, bool Descending);

public sealed record ClusterListPage(IReadOnlyList<ClusterScoreRow> Rows, int Total);
