using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using static AksPosture.Engine.Rules.RuleStatus;
using static AksPosture.Engine.Tests.Scoring.ScoringTestData;

namespace AksPosture.Engine.Tests.Scoring;

public class ScoreRollupTests
{
    [Fact]
    public void Combine_TwoClusters_AveragesEachClusterOnce()
    {
        // Cluster 1: Reliability 4/8 = 50, Security 100, overall 75.
        var first = ScoreCalculator.Score(
        [
            Result("R1", Pillar.Reliability, Severity.High, Pass),
            Result("R2", Pillar.Reliability, Severity.High, Fail),
            Result("S1", Pillar.Security, Severity.Medium, Pass),
        ]);
        // Cluster 2: Reliability 1/1 = 100, Cost 0/2 = 0, overall 50.
        var second = ScoreCalculator.Score(
        [
            Result("R1", Pillar.Reliability, Severity.Low, Pass),
            Result("C1", Pillar.CostOptimization, Severity.Medium, Fail),
        ]);

        var fleet = ScoreRollup.Combine([first, second]);

        // Reliability is (50 + 100) / 2 = 75, not the pooled 5/9 = 55.6; Security only counts the cluster that has it.
        Assert.Equal(new PillarScore(75.0, 5, 9), fleet.Pillars[Pillar.Reliability]);
        Assert.Equal(new PillarScore(100.0, 2, 2), fleet.Pillars[Pillar.Security]);
        Assert.Equal(new PillarScore(0.0, 0, 2), fleet.Pillars[Pillar.CostOptimization]);
        Assert.Equal(new PillarScore(null, 0, 0), fleet.Pillars[Pillar.OperationalExcellence]);
        Assert.Equal(62.5, fleet.Overall);
    }

    [Fact]
    public void Combine_ClusterWithNothingAssessable_IsLeftOutOfTheMean()
    {
        var assessed = ScoreCalculator.Score([Result("R1", Pillar.Reliability, Severity.Medium, Warn)]);
        var empty = ScoreCalculator.Score([Result("R1", Pillar.Reliability, Severity.Medium, NotApplicable)]);

        var fleet = ScoreRollup.Combine([assessed, empty]);

        Assert.Equal(50.0, fleet[Pillar.Reliability]);
        Assert.Equal(50.0, fleet.Overall);
    }

    [Fact]
    public void Combine_NoClusters_EverythingNull()
    {
        var fleet = ScoreRollup.Combine([]);

        Assert.All(PillarNames.All, p => Assert.Null(fleet[p]));
        Assert.Null(fleet.Overall);
    }
}
