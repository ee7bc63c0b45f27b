using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Clusters;

/// <summary>A cluster with its latest run's scores and results.</summary>
public sealed record ClusterDetail(
    Guid Id,
    string Name,
    string ArmId,
    string SubscriptionId,
    string SubscriptionName,
    string ResourceGroup,
    string Location,
    IReadOnlyDictionary<string, string> Tags,
    bool IsSample,
    RunStamp? Run,
    PillarScores Scores,
    IReadOnlyList<ResultView> Results);

public sealed record RunStamp(Guid Id, string RuleSetVersion, string ScoringVersion, DateTimeOffset? FinishedAt);

/// <summary>A result with its rule's metadata (null if the rule has left the catalog) and what fixing it would gain.</summary>
public sealed record ResultView(RuleResult Result, RuleDefinition? Rule, double PillarIncrease, double OverallIncrease)
{
    public bool IsFinding => Result.Status is RuleStatus.Fail or RuleStatus.Warn;
}
