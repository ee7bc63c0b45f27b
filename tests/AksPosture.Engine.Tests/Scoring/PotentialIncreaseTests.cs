using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using static AksPosture.Engine.Rules.RuleStatus;
using static AksPosture.Engine.Tests.Scoring.ScoringTestData;

namespace AksPosture.Engine.Tests.Scoring;

/// <summary><see cref="ScoreCalculator.PotentialIncrease"/>: what fixing one finding is worth.</summary>
public class PotentialIncreaseTests
{
    [Fact]
    public void PotentialIncrease_FailedHighRule_RaisesPillarAndOverall()
    {
        // Security 1/5 = 20 → 100; Reliability stays 100; overall (20 + 100) / 2 = 60 → 100.
        var finding = Result("S1", Pillar.Security, Severity.High, Fail);
        RuleResult[] results =
        [
            finding,
            Result("S2", Pillar.Security, Severity.Low, Pass),
            Result("R1", Pillar.Reliability, Severity.High, Pass),
        ];

        Assert.Equal((80.0, 40.0), ScoreCalculator.PotentialIncrease(results, finding));
    }

    [Fact]
    public void PotentialIncrease_Warning_IsWorthHalfItsWeight()
    {
        // Medium WARN 1/2 + Medium PASS 2/2 = 75 → 100.
        var finding = Result("S1", Pillar.Security, Severity.Medium, Warn);
        RuleResult[] results = [finding, Result("S2", Pillar.Security, Severity.Medium, Pass)];

        Assert.Equal((25.0, 25.0), ScoreCalculator.PotentialIncrease(results, finding));
    }

    [Theory]
    [InlineData(Pass)]
    [InlineData(NotApplicable)]
    [InlineData(Manual)]
    [InlineData(Error)]
    public void PotentialIncrease_PassedOrExcludedFinding_IsZero(RuleStatus status)
    {
        var finding = Result("S1", Pillar.Security, Severity.High, status);
        RuleResult[] results = [finding, Result("S2", Pillar.Security, Severity.Low, Fail)];

        Assert.Equal((0.0, 0.0), ScoreCalculator.PotentialIncrease(results, finding));
    }

    [Fact]
    public void PotentialIncrease_SharedCheck_FixesEveryRuleOfTheCheckInThePillar()
    {
        // OPS-05 and OPS-08 fail one Medium check (0/2) beside a passed Medium rule: 50 → 100.
        var ops05 = Result("AKS-OPS-05", Pillar.OperationalExcellence, Severity.Medium, Fail, "azure-policy-addon");
        RuleResult[] results =
        [
            ops05,
            Result("AKS-OPS-08", Pillar.OperationalExcellence, Severity.Medium, Fail, "azure-policy-addon"),
            Result("AKS-OPS-99", Pillar.OperationalExcellence, Severity.Medium, Pass),
        ];

        Assert.Equal((50.0, 50.0), ScoreCalculator.PotentialIncrease(results, ops05));
    }

    // Engine bug: PotentialIncrease turns every result of the check into PASS, including NA/MANUAL/ERROR ones,
    // which then enter the denominator. Before: c (Medium, 0/2) + p (Low, 1/1) + q (High, 0/4) = 1/7 = 14.3.
    // Fixing the FAIL leaves the NA rule out: 3/7 = 42.9, so +28.6. The engine scores 5/9 = 55.6 (+41.3).
    [Fact]
    public void PotentialIncrease_ExcludedRuleSharingTheCheck_StaysExcluded()
    {
        var finding = Result("F", Pillar.Security, Severity.Medium, Fail, "c");
        RuleResult[] results =
        [
            finding,
            Result("N", Pillar.Security, Severity.High, NotApplicable, "c"),
            Result("P", Pillar.Security, Severity.Low, Pass),
            Result("Q", Pillar.Security, Severity.High, Fail),
        ];

        Assert.Equal((28.6, 28.6), ScoreCalculator.PotentialIncrease(results, finding));
    }

    // Object results are not scored (their rule's cluster-level result is), so fixing one object alone shows no
    // increase; the cluster-level result carries the gain of fixing them all.
    [Fact]
    public void PotentialIncrease_ObjectFinding_IsZero()
    {
        var finding = Result("W", Pillar.Reliability, Severity.Medium, Fail, objectKey: "shop/Deployment/api");
        var summary = Result("W", Pillar.Reliability, Severity.Medium, Fail);
        RuleResult[] results = [summary, finding, Result("X", Pillar.Reliability, Severity.Medium, Pass)];

        Assert.Equal((0.0, 0.0), ScoreCalculator.PotentialIncrease(results, finding));
        Assert.Equal((50.0, 50.0), ScoreCalculator.PotentialIncrease(results, summary));
    }
}
