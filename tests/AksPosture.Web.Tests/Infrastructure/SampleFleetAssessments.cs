using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.SampleFleet;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>The sample fleet assessed by the engine alone: what the portal's SQL must agree with.</summary>
public static class SampleFleetAssessments
{
    public static IReadOnlyList<ClusterAssessment> All { get; } =
        new SampleFleetLoader().Load().Clusters.Select(c => ClusterAssessor.Assess(c)).ToList();

    public static ClusterAssessment Named(string name) => All.Single(c => c.Snapshot.Name == name);

    /// <summary>Cluster-level results that fail or warn.</summary>
    public static IEnumerable<RuleResult> Findings(ClusterAssessment cluster) =>
        cluster.Results.Where(r => !r.IsObjectResult && r.Status is RuleStatus.Fail or RuleStatus.Warn);

    /// <summary>
    /// What passing <paramref name="rule"/>'s check on every cluster of the group where the rule fails or warns adds to the
    /// group's pillar and overall scores: the engine re-scores those clusters and rolls the group up again.
    /// </summary>
    public static (double Pillar, double Overall) GroupGain(IReadOnlyList<ClusterAssessment> group, RuleResult rule)
    {
        var before = ScoreRollup.Combine(group.Select(c => c.Scores));
        var after = ScoreRollup.Combine(group.Select(c =>
            Findings(c).Any(r => r.RuleId == rule.RuleId) ? ScoreCalculator.Score(Passing(c.Results, rule.CheckId)) : c.Scores));
        return (Round(after[rule.Pillar] - before[rule.Pillar]), Round(after.Overall - before.Overall));
    }

    private static List<RuleResult> Passing(IReadOnlyList<RuleResult> results, string checkId) =>
        results.Select(r => !r.IsObjectResult && r.CheckId == checkId && ScoringModel.Credit(r.Status).HasValue ? r with { Status = RuleStatus.Pass } : r).ToList();

    private static double Round(double? value) => Math.Round(value ?? 0, 1, MidpointRounding.AwayFromZero);
}
