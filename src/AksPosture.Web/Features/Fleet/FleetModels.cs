using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// What the fleet overview shows for one user and filter: scores with their trend, per subscription and per team, the
/// worst clusters and the most failed rules. <see cref="Trend"/> is null when it has to be aggregated from the clusters'
/// roll-ups (a team, a tag, an environment): that takes longer than the rest of the page together, so the page shows
/// its first content without it and reads it afterwards (<see cref="FleetQueries.GetTrendAsync"/>).
/// </summary>
public sealed record FleetOverview(
    PillarScores Scores,
    int Clusters,
    bool HasSampleClusters,
    IReadOnlyList<ScorePoint>? Trend,
    IReadOnlyList<SubscriptionScoreRow> Subscriptions,
    IReadOnlyList<TeamScoreRow> Teams,
    IReadOnlyList<WorstClusterRow> WorstClusters,
    IReadOnlyList<RuleFailureRow> MostFailedRules,
    string? RuleSetVersion,
    DateTimeOffset? LastAssessedAt,
    ClusterListPage FirstClusters);

/// <summary>A group's scores at the end of a day or week.</summary>
public sealed record ScorePoint(DateTimeOffset At, PillarScores Scores, int Clusters);

public sealed record SubscriptionScoreRow(string SubscriptionId, string DisplayName, PillarScores Scores, int Clusters);

public sealed record TeamScoreRow(Guid TeamId, string Name, PillarScores Scores, int Clusters);

public sealed record WorstClusterRow(Guid Id, string Name, string SubscriptionName, string? Environment, double Overall);

/// <summary>A rule with open findings in the selection: the clusters where it fails, and where it fails or warns.</summary>
public sealed record RuleFailureRow(string RuleId, string? Title, Pillar Pillar, Severity Severity, int ClustersFailing, int ClustersAffected)
{
    /// <summary>How much the rule weighs across the fleet: its scoring weight times the clusters it is open on.</summary>
    public double Impact => ScoringModel.Weight(Severity) * ClustersAffected;
}

public sealed record ClusterScoreRow(
    Guid Id, string Name, string SubscriptionId, string SubscriptionName, string? Environment, bool IsSample, PillarScores Scores);

/// <summary>One page of the cluster list; <paramref name="SortBy"/> is <c>name</c>, <c>subscription</c>, <c>environment</c>, <c>overall</c> or a pillar key.</summary>
public sealed record ClusterListRequest(int Page, int PageSize, string? SortBy, bool Descending)
{
    /// <summary>What the overview's cluster list shows first: page one by name, 25 rows.</summary>
    public static readonly ClusterListRequest First = new(0, 25, "name", false);
}

public sealed record ClusterListPage(IReadOnlyList<ClusterScoreRow> Rows, int Total);
