using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Subscriptions;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Features.Subscriptions;

/// <summary>The gain arithmetic from stored figures (earned, possible, counted checks) against the engine recomputing from results.</summary>
public sealed class ScoreGainTests
{
    [Fact]
    public void ForCluster_EveryFailingResultOfTheSampleFleet_EqualsTheEnginesPotentialIncrease()
    {
        var compared = 0;
        foreach (var cluster in SampleFleetAssessments.All)
        {
            foreach (var finding in SampleFleetAssessments.Findings(cluster))
            {
                var expected = ScoreCalculator.PotentialIncrease(cluster.Results, finding);

                var actual = ScoreGain.ForCluster(cluster.Scores, ChecksOf(cluster, finding.CheckId), finding.Pillar);

                Assert.True(expected == actual, $"{cluster.Snapshot.Name} {finding.RuleId}: engine {expected}, gain {actual}");
                compared++;
            }
        }

        Assert.True(compared > 100, $"only {compared} failing results compared");
    }

    [Fact]
    public void ForGroup_FixingEachRuleAcrossASubscription_EqualsTheEnginesRollupOfRescoredClusters()
    {
        var compared = 0;
        foreach (var subscription in SampleFleetAssessments.All.GroupBy(c => c.Snapshot.SubscriptionId))
        {
            var clusters = subscription.ToList();
            foreach (var rule in clusters.SelectMany(SampleFleetAssessments.Findings).GroupBy(r => r.RuleId).Select(g => g.First()))
            {
                var expected = SampleFleetAssessments.GroupGain(clusters, rule);

                var changes = clusters.Where(c => SampleFleetAssessments.Findings(c).Any(r => r.RuleId == rule.RuleId))
                    .Select(c => (c.Scores, ScoreGain.AfterPassing(c.Scores, ChecksOf(c, rule.CheckId)))).ToList();
                var actual = ScoreGain.ForGroup(SumOf(clusters, s => s[rule.Pillar]), SumOf(clusters, s => s.Overall), changes, rule.Pillar);

                Assert.True(expected == actual, $"{subscription.Key} {rule.RuleId}: engine {expected}, gain {actual}");
                compared++;
            }
        }

        Assert.True(compared > 30, $"only {compared} rules compared");
    }

    [Fact]
    public void AfterPassing_WarnedCheck_EarnsTheMissingHalfOfItsWeight()
    {
        var pillars = PillarNames.All.ToDictionary(p => p, _ => PillarScore.Empty);
        pillars[Pillar.Security] = new PillarScore(75, 6, 8);
        var current = new PillarScores(pillars, 75);

        var after = ScoreGain.AfterPassing(current, [new CountedCheck(Pillar.Security, "AKS-SEC-01", Weight: 4, Credit: 0.5)]);

        Assert.Equal(new PillarScore(100, 8, 8), after.Pillars[Pillar.Security]);
        Assert.Equal(100, after.Overall);
    }

    [Fact]
    public void MeanOf_HalfwayValue_RoundsAwayFromZeroLikeTheEngine()
    {
        Assert.Equal(66.7, ScoreGain.MeanOf(new ScoreSum(133.3m, 2)));
        Assert.Null(ScoreGain.MeanOf(new ScoreSum(0, 0)));
    }

    private static IReadOnlyList<CountedCheck> ChecksOf(ClusterAssessment cluster, string checkId) =>
        CountedCheck.From(cluster.Results.Where(r => !r.IsObjectResult && r.CheckId == checkId).Select(r => (r.Pillar, r.CheckId, r.Severity, r.Status)));

    private static ScoreSum SumOf(IEnumerable<ClusterAssessment> clusters, Func<PillarScores, double?> score)
    {
        var values = clusters.Select(c => score(c.Scores)).Where(s => s.HasValue).ToList();
        return new ScoreSum(values.Sum(v => (decimal)v!.Value), values.Count);
    }
}
