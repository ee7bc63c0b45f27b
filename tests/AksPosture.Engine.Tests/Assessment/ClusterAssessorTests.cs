using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using static AksPosture.Engine.Rules.RuleStatus;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Assessment;

public class ClusterAssessorTests
{
    // The rules of the first slice: verdicts and hand-worked scores below are pinned to these, so adding rules to
    // the catalog does not change what these tests mean.
    private static readonly IReadOnlyList<Rule> FirstSlice =
    [
        .. new[]
        {
            "AKS-REL-03", "AKS-REL-04", "AKS-REL-07", "AKS-REL-08", "AKS-REL-09", "AKS-REL-13",
            "AKS-POL-03", "AKS-POL-04", "AKS-POL-08", "AKS-SEC-07", "AKS-SEC-08", "AKS-SEC-10", "AKS-SEC-11", "AKS-SEC-12",
            "AKS-SEC-13", "AKS-SEC-14", "AKS-COST-01", "AKS-COST-06", "AKS-COST-09", "AKS-COST-10", "AKS-COST-13",
            "AKS-OPS-01", "AKS-OPS-05", "AKS-OPS-07", "AKS-OPS-08",
            "AKS-PERF-02", "AKS-PERF-03", "AKS-PERF-04", "AKS-PERF-05", "AKS-PERF-06",
        }.Select(id => RuleCatalog.Find(id)!),
    ];

    private static ClusterAssessment Assess(Engine.Snapshots.ClusterSnapshot snapshot) =>
        ClusterAssessor.Assess(snapshot, rules: FirstSlice);

    [Fact]
    public void Assess_MostlyCompliant_GivesTheExpectedVerdicts()
    {
        var assessment = Assess(Load(MostlyCompliant).Snapshot());

        Assert.Equal(new Dictionary<string, RuleStatus>
        {
            ["AKS-REL-03"] = Pass, ["AKS-REL-04"] = Manual, ["AKS-REL-07"] = Pass, ["AKS-REL-08"] = Pass,
            ["AKS-REL-09"] = Pass, ["AKS-REL-13"] = NotApplicable,
            ["AKS-POL-03"] = Pass, ["AKS-POL-04"] = Pass, ["AKS-POL-08"] = Pass, ["AKS-SEC-07"] = Pass,
            ["AKS-SEC-08"] = Pass, ["AKS-SEC-10"] = Warn, ["AKS-SEC-11"] = Pass, ["AKS-SEC-12"] = Pass,
            ["AKS-SEC-13"] = Pass, ["AKS-SEC-14"] = Pass,
            ["AKS-COST-01"] = Manual, ["AKS-COST-06"] = Pass, ["AKS-COST-09"] = Pass, ["AKS-COST-10"] = NotApplicable,
            ["AKS-COST-13"] = Pass,
            ["AKS-OPS-01"] = Manual, ["AKS-OPS-05"] = Pass, ["AKS-OPS-07"] = Manual, ["AKS-OPS-08"] = Pass,
            ["AKS-PERF-02"] = Pass, ["AKS-PERF-03"] = Manual, ["AKS-PERF-04"] = Manual, ["AKS-PERF-05"] = Pass,
            ["AKS-PERF-06"] = Pass,
        }, Verdicts(assessment));
    }

    [Fact]
    public void Assess_MostlyCompliant_ScoresByHand()
    {
        var scores = Assess(Load(MostlyCompliant).Snapshot()).Scores;

        // Security: ten rules worth 32, all passed but AKS-SEC-10 (Medium WARN, 1 of 2) → 31/32 = 96.9.
        Assert.Equal(new PillarScore(96.9, 31, 32), scores.Pillars[Pillar.Security]);
        // Reliability: REL-03 4 + uptime-sla 4 (REL-04 MANUAL, REL-08 PASS) + REL-07 2 + REL-09 4; REL-13 NA.
        Assert.Equal(new PillarScore(100.0, 14, 14), scores.Pillars[Pillar.Reliability]);
        // Cost: COST-06 2 + COST-09 4 + COST-13 2; COST-01 MANUAL and COST-10 NA are left out.
        Assert.Equal(new PillarScore(100.0, 8, 8), scores.Pillars[Pillar.CostOptimization]);
        // Operations: OPS-05 and OPS-08 are one Medium check; OPS-01 and OPS-07 are MANUAL.
        Assert.Equal(new PillarScore(100.0, 2, 2), scores.Pillars[Pillar.OperationalExcellence]);
        // Performance: PERF-02/05/06 are one High check; PERF-03 and PERF-04 are MANUAL.
        Assert.Equal(new PillarScore(100.0, 4, 4), scores.Pillars[Pillar.PerformanceEfficiency]);
        Assert.Equal(99.4, scores.Overall); // (4 × 100 + 96.9) / 5 = 99.38
    }

    [Fact]
    public void Assess_NeglectedDev_GivesTheExpectedVerdicts()
    {
        var verdicts = Verdicts(Assess(Load(NeglectedDev).Snapshot()));

        // AKS-COST-09 is left out here: NodeAutoscalingTests.Cost09_NoUserPool_IsNotApplicable covers its spec deviation.
        verdicts.Remove("AKS-COST-09");
        Assert.Equal(new Dictionary<string, RuleStatus>
        {
            ["AKS-REL-03"] = Fail, ["AKS-REL-04"] = Manual, ["AKS-REL-07"] = Warn, ["AKS-REL-08"] = NotApplicable,
            ["AKS-REL-09"] = Fail, ["AKS-REL-13"] = NotApplicable,
            ["AKS-POL-03"] = Fail, ["AKS-POL-04"] = Fail, ["AKS-POL-08"] = Fail, ["AKS-SEC-07"] = Fail,
            ["AKS-SEC-08"] = Warn, ["AKS-SEC-10"] = Warn, ["AKS-SEC-11"] = Fail, ["AKS-SEC-12"] = Fail,
            ["AKS-SEC-13"] = Fail, ["AKS-SEC-14"] = Fail,
            ["AKS-COST-01"] = Manual, ["AKS-COST-06"] = Pass, ["AKS-COST-10"] = NotApplicable, ["AKS-COST-13"] = Fail,
            ["AKS-OPS-01"] = Manual, ["AKS-OPS-05"] = Fail, ["AKS-OPS-07"] = Manual, ["AKS-OPS-08"] = Fail,
            ["AKS-PERF-02"] = NotApplicable, ["AKS-PERF-03"] = Manual, ["AKS-PERF-04"] = Warn, ["AKS-PERF-05"] = Fail,
            ["AKS-PERF-06"] = Fail,
        }, verdicts);
    }

    [Fact]
    public void Assess_NeglectedDev_ScoresByHand()
    {
        var scores = Assess(Load(NeglectedDev).Snapshot()).Scores;

        // Reliability: REL-03 0/4, REL-07 WARN 1/2, REL-09 0/4; REL-04/08 (uptime-sla) MANUAL + NA, REL-13 NA.
        Assert.Equal(new PillarScore(10.0, 1, 10), scores.Pillars[Pillar.Reliability]);
        // Security: two Medium WARNs (SEC-08, SEC-10) earn 1 each of the 32 possible.
        Assert.Equal((2.0, 32.0), (scores.Pillars[Pillar.Security].Earned, scores.Pillars[Pillar.Security].Possible));
        Assert.InRange(scores[Pillar.Security]!.Value, 6.2, 6.3); // 6.25; the rounding mode decides the last digit
        // Performance: node-autoscaling 0/4 and PERF-04 Low WARN 0.5/1.
        Assert.Equal(new PillarScore(10.0, 0.5, 5), scores.Pillars[Pillar.PerformanceEfficiency]);
        Assert.Equal(new PillarScore(0.0, 0, 2), scores.Pillars[Pillar.OperationalExcellence]);
    }

    [Fact]
    public void Assess_BaselinePrivate_GivesTheExpectedVerdicts()
    {
        var assessment = Assess(Load(BaselinePrivate).Snapshot());

        Assert.Equal(new Dictionary<string, RuleStatus>
        {
            ["AKS-REL-03"] = Pass, ["AKS-REL-04"] = Manual, ["AKS-REL-07"] = Pass, ["AKS-REL-08"] = Pass,
            ["AKS-REL-09"] = Pass, ["AKS-REL-13"] = Pass,
            ["AKS-POL-03"] = Pass, ["AKS-POL-04"] = Pass, ["AKS-POL-08"] = Pass, ["AKS-SEC-07"] = Pass,
            ["AKS-SEC-08"] = Pass, ["AKS-SEC-10"] = Pass, ["AKS-SEC-11"] = NotApplicable, ["AKS-SEC-12"] = Pass,
            ["AKS-SEC-13"] = Pass, ["AKS-SEC-14"] = Pass,
            ["AKS-COST-01"] = Manual, ["AKS-COST-06"] = Pass, ["AKS-COST-09"] = Pass, ["AKS-COST-10"] = NotApplicable,
            ["AKS-COST-13"] = Pass,
            ["AKS-OPS-01"] = Manual, ["AKS-OPS-05"] = Pass, ["AKS-OPS-07"] = Manual, ["AKS-OPS-08"] = Pass,
            ["AKS-PERF-02"] = Pass, ["AKS-PERF-03"] = Manual, ["AKS-PERF-04"] = Manual, ["AKS-PERF-05"] = Pass,
            ["AKS-PERF-06"] = Pass,
        }, Verdicts(assessment));
        Assert.Equal(100.0, assessment.Scores.Overall);
    }

    [Fact]
    public void Assess_Results_FollowCatalogOrderAndMatchTheScores()
    {
        var assessment = ClusterAssessor.Assess(Load(MostlyCompliant).Snapshot());

        Assert.Equal(RuleCatalog.All.Select(r => r.Definition.Id), assessment.Results.Select(r => r.RuleId));
        Assert.Equal(ScoreCalculator.Score(assessment.Results).Overall, assessment.Scores.Overall);
    }

    [Fact]
    public void Assess_PoolsNotAnArray_ErrorsOnlyTheRulesThatReadPools()
    {
        var assessment = Assess(Load(MostlyCompliant).Set("properties.agentPoolProfiles", 5).Snapshot());

        // AKS-REL-07 reads pools only for kubenet, so on this Azure CNI cluster it still passes.
        Assert.Equal(
            ["AKS-REL-03", "AKS-REL-09", "AKS-COST-06", "AKS-COST-09", "AKS-COST-10", "AKS-PERF-02", "AKS-PERF-04", "AKS-PERF-05", "AKS-PERF-06"],
            assessment.Results.Where(r => r.Status == Error).Select(r => r.RuleId));
        Assert.All(assessment.Results.Where(r => r.Status == Error), r => Assert.Contains("'properties.agentPoolProfiles'", r.Message));
        // Reliability keeps REL-07 (2/2) and uptime-sla via REL-08 (4/4); the errors leave the denominator.
        Assert.Equal(new PillarScore(100.0, 6, 6), assessment.Scores.Pillars[Pillar.Reliability]);
        Assert.Null(assessment.Scores[Pillar.PerformanceEfficiency]);
    }

    [Fact]
    public void Assess_PrivateClusterFlagIsMaybe_ErrorsOnlyTheRulesThatReadIt()
    {
        var assessment = Assess(
            Load(MostlyCompliant).Set("properties.apiServerAccessProfile.enablePrivateCluster", "maybe").Snapshot());

        Assert.Equal(["AKS-POL-04", "AKS-SEC-10", "AKS-SEC-11"], assessment.Results.Where(r => r.Status == Error).Select(r => r.RuleId));
    }

    [Fact]
    public void Assess_RuleSubset_EvaluatesOnlyThoseRules()
    {
        var rules = new[] { RuleCatalog.Find("AKS-SEC-10")!, RuleCatalog.Find("AKS-SEC-11")! };

        var assessment = ClusterAssessor.Assess(Load(MostlyCompliant).Snapshot(), rules: rules);

        Assert.Equal(["AKS-SEC-10", "AKS-SEC-11"], assessment.Results.Select(r => r.RuleId));
        // Medium WARN 1/2 + High PASS 4/4 = 5/6.
        Assert.Equal(new PillarScore(83.3, 5, 6), assessment.Scores.Pillars[Pillar.Security]);
    }

    [Fact]
    public void Assess_Settings_ReachTheRules()
    {
        var freeProduction = Load(MostlyCompliant).Set("sku.tier", "Free").Snapshot();
        var onlyStageTag = new AssessmentSettings { EnvironmentTagKeys = ["stage"] };

        var byDefault = ClusterAssessor.Assess(freeProduction).Results.Single(r => r.RuleId == "AKS-REL-08");
        var byStage = ClusterAssessor.Assess(freeProduction, onlyStageTag).Results.Single(r => r.RuleId == "AKS-REL-08");

        Assert.Equal(Fail, byDefault.Status);
        Assert.Equal(Warn, byStage.Status);
        Assert.Contains(new Evidence("tags.stage", null), byStage.Evidence);
    }

    private static Dictionary<string, RuleStatus> Verdicts(ClusterAssessment assessment) =>
        assessment.Results.ToDictionary(r => r.RuleId, r => r.Status);
}
