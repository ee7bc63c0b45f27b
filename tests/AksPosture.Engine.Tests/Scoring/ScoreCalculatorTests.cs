using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using static AksPosture.Engine.Rules.RuleStatus;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Scoring.ScoringTestData;

namespace AksPosture.Engine.Tests.Scoring;

public class ScoreCalculatorTests
{
    [Fact]
    public void Score_OneResultPerStatus_WeighsCreditsAndSkipsExcluded()
    {
        // High PASS 4/4 + Medium WARN 1/2 + Low FAIL 0/1 = 5/7; the three Critical results are left out.
        var scores = ScoreCalculator.Score(
        [
            Result("R1", Pillar.Reliability, Severity.High, Pass),
            Result("R2", Pillar.Reliability, Severity.Medium, Warn),
            Result("R3", Pillar.Reliability, Severity.Low, Fail),
            Result("R4", Pillar.Reliability, Severity.Critical, NotApplicable),
            Result("R5", Pillar.Reliability, Severity.Critical, Manual),
            Result("R6", Pillar.Reliability, Severity.Critical, Error),
        ]);

        Assert.Equal(new PillarScore(71.4, 5, 7), scores.Pillars[Pillar.Reliability]);
        Assert.Equal(71.4, scores.Overall);
    }

    [Fact]
    public void Score_OnlyExcludedStatuses_PillarIsNull()
    {
        var scores = ScoreCalculator.Score(
        [
            Result("S1", Pillar.Security, Severity.High, NotApplicable),
            Result("S2", Pillar.Security, Severity.High, Manual),
            Result("S3", Pillar.Security, Severity.High, Error),
        ]);

        Assert.Equal(new PillarScore(null, 0, 0), scores.Pillars[Pillar.Security]);
        Assert.Null(scores[Pillar.Security]);
        Assert.Null(scores.Overall);
    }

    [Fact]
    public void Score_NoResults_EveryPillarPresentAndNull()
    {
        var scores = ScoreCalculator.Score([]);

        Assert.Equal(PillarNames.All, scores.Pillars.Keys.Order());
        Assert.All(scores.Pillars.Values, s => Assert.Null(s.Score));
        Assert.Null(scores.Overall);
    }

    [Fact]
    public void Score_Overall_IsMeanOfAssessedPillarsOnly()
    {
        // Reliability 100, Security 0, Cost 1/3 = 33.3; Operations and Performance have nothing assessable.
        var scores = ScoreCalculator.Score(
        [
            Result("R1", Pillar.Reliability, Severity.High, Pass),
            Result("S1", Pillar.Security, Severity.Low, Fail),
            Result("C1", Pillar.CostOptimization, Severity.Medium, Fail),
            Result("C2", Pillar.CostOptimization, Severity.Low, Pass),
            Result("O1", Pillar.OperationalExcellence, Severity.High, Manual),
        ]);

        Assert.Equal(33.3, scores[Pillar.CostOptimization]);
        Assert.Null(scores[Pillar.OperationalExcellence]);
        Assert.Null(scores[Pillar.PerformanceEfficiency]);
        Assert.Equal(44.4, scores.Overall); // (100 + 0 + 33.3) / 3
    }

    [Fact]
    public void Score_Ops05AndOps08FailingTogether_CostOneWeight()
    {
        var disabled = Load(MostlyCompliant).Set("properties.addonProfiles.azurepolicy.enabled", false);
        var ops05 = disabled.Evaluate("AKS-OPS-05");
        var ops08 = disabled.Evaluate("AKS-OPS-08");
        var other = Result("AKS-OPS-99", Pillar.OperationalExcellence, Severity.Medium, Pass);

        var scores = ScoreCalculator.Score([ops05, ops08, other]);

        // One failed Medium check (0/2) and one passed Medium rule (2/2): 2/4, not 2/6.
        Assert.Equal((Fail, Fail), (ops05.Status, ops08.Status));
        Assert.Equal(new PillarScore(50.0, 2, 4), scores.Pillars[Pillar.OperationalExcellence]);
    }

    [Fact]
    public void Score_SharedCheck_TakesWorstCreditAndHighestWeight()
    {
        // Check "c": High PASS + Low FAIL counts as weight 4, credit 0; plus Low PASS 1/1 → 1/5.
        var scores = ScoreCalculator.Score(
        [
            Result("A", Pillar.Security, Severity.High, Pass, "c"),
            Result("B", Pillar.Security, Severity.Low, Fail, "c"),
            Result("C", Pillar.Security, Severity.Low, Pass),
        ]);

        Assert.Equal(new PillarScore(20.0, 1, 5), scores.Pillars[Pillar.Security]);
    }

    [Fact]
    public void Score_SharedCheckWithWarnAndPass_TakesTheWarn()
    {
        var scores = ScoreCalculator.Score(
        [
            Result("A", Pillar.Reliability, Severity.Medium, Pass, "c"),
            Result("B", Pillar.Reliability, Severity.Medium, Warn, "c"),
            Result("C", Pillar.Reliability, Severity.Medium, NotApplicable, "c"),
        ]);

        Assert.Equal(new PillarScore(50.0, 1, 2), scores.Pillars[Pillar.Reliability]);
    }

    [Fact]
    public void Score_SameCheckInTwoPillars_CountsOnceInEach()
    {
        var scores = ScoreCalculator.Score(
        [
            Result("AKS-SEC-14", Pillar.Security, Severity.Medium, Fail, "c"),
            Result("AKS-SEC-11", Pillar.Security, Severity.Medium, Pass),
            Result("AKS-OPS-05", Pillar.OperationalExcellence, Severity.Medium, Fail, "c"),
        ]);

        Assert.Equal(50.0, scores[Pillar.Security]);
        Assert.Equal(0.0, scores[Pillar.OperationalExcellence]);
        Assert.Equal(25.0, scores.Overall);
    }

    [Fact]
    public void Score_ObjectResults_AreLeftToTheirClusterLevelResult()
    {
        // A workload rule scores once, through its cluster-level result; its per-object results name what to fix.
        var scores = ScoreCalculator.Score(
        [
            Result("W", Pillar.Reliability, Severity.Medium, Warn),
            Result("W", Pillar.Reliability, Severity.Medium, Fail, objectKey: "shop/Deployment/api"),
            Result("W", Pillar.Reliability, Severity.Medium, Pass, objectKey: "shop/Deployment/web"),
        ]);

        Assert.Equal(new PillarScore(50.0, 1, 2), scores.Pillars[Pillar.Reliability]);
    }
}
