using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;

namespace AksPosture.Web.Tests.Features.Governance;

/// <summary>The adjusted score as a function of results, exceptions and attestations, against the engine's own calculator.</summary>
public sealed class AdjustedScoringTests
{
    private static readonly Guid Cluster = Guid.NewGuid();
    private static readonly Dictionary<string, string> Tags = new() { ["Team"] = "web" };
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    // A workload rule failing on two objects in namespace "web", a cluster rule that fails, one that warns, one MANUAL.
    private static readonly List<RuleResult> Results =
    [
        Result("AKS-SEC-20", Pillar.Security, Severity.High, RuleStatus.Fail),
        Result("AKS-SEC-20", Pillar.Security, Severity.High, RuleStatus.Fail, "web/Deployment/api"),
        Result("AKS-SEC-20", Pillar.Security, Severity.High, RuleStatus.Warn, "web/Deployment/worker"),
        Result("AKS-SEC-20", Pillar.Security, Severity.High, RuleStatus.Pass, "shop/Deployment/cart"),
        Result("AKS-SEC-11", Pillar.Security, Severity.Medium, RuleStatus.Fail),
        Result("AKS-SEC-12", Pillar.Security, Severity.Low, RuleStatus.Pass),
        Result("AKS-REL-01", Pillar.Reliability, Severity.Medium, RuleStatus.Warn),
        Result("AKS-REL-04", Pillar.Reliability, Severity.High, RuleStatus.Manual),
        Result("AKS-REL-05", Pillar.Reliability, Severity.Low, RuleStatus.Pass),
    ];

    [Fact]
    public void Score_NothingApplies_IsTheRawScoreAndNotAdjusted()
    {
        var elsewhere = Exception("AKS-SEC-11", ExceptionScope.Cluster, ExceptionCategory.Mitigated, clusterId: Guid.NewGuid());

        var adjusted = Score([elsewhere]);

        Assert.False(adjusted.IsAdjusted);
        Assert.Equal(ScoreCalculator.Score(Results), adjusted.Scores, ScoresComparer.Instance);
    }

    [Theory]
    [InlineData(ExceptionCategory.Mitigated, RuleStatus.Pass)]
    [InlineData(ExceptionCategory.FalsePositive, RuleStatus.Pass)]
    [InlineData(ExceptionCategory.RiskAccepted, RuleStatus.NotApplicable)]
    public void Score_ClusterException_CountsAsTheEngineScoresTheCategorysStatus(ExceptionCategory category, RuleStatus countsAs)
    {
        var adjusted = Score([Exception("AKS-SEC-11", ExceptionScope.Cluster, category)]);

        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-SEC-11", countsAs)), adjusted.Scores, ScoresComparer.Instance);
        Assert.NotEqual(ScoreCalculator.Score(Results)[Pillar.Security], adjusted.Scores[Pillar.Security]);
        Assert.Equal(1, adjusted.Excepted);
    }

    [Fact]
    public void Score_TagException_ReachesClustersWithTheTagWhateverTheCaseOfItsName()
    {
        var tagged = Exception("AKS-REL-01", ExceptionScope.Tag, ExceptionCategory.Mitigated, tag: ("team", "web"));
        var otherValue = Exception("AKS-REL-01", ExceptionScope.Tag, ExceptionCategory.Mitigated, tag: ("team", "Web"));

        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-REL-01", RuleStatus.Pass)), Score([tagged]).Scores, ScoresComparer.Instance);
        Assert.False(Score([otherValue]).IsAdjusted);
    }

    [Fact]
    public void Score_NamespaceExceptionCoveringEveryFailingObject_PassesTheWorkloadRule()
    {
        var adjusted = Score([Exception("AKS-SEC-20", ExceptionScope.Namespace, ExceptionCategory.Mitigated, ns: "web")]);

        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-SEC-20", RuleStatus.Pass)), adjusted.Scores, ScoresComparer.Instance);
    }

    [Fact]
    public void Score_ObjectExceptionsCoveringOnlySomeFailingObjects_ChangeNothing()
    {
        var adjusted = Score([Exception("AKS-SEC-20", ExceptionScope.Object, ExceptionCategory.Mitigated, objectKey: "web/Deployment/api")]);

        Assert.False(adjusted.IsAdjusted);
        Assert.Equal(ScoreCalculator.Score(Results), adjusted.Scores, ScoresComparer.Instance);
    }

    [Fact]
    public void Score_ObjectsCoveredByMitigatedAndRiskAccepted_LeaveTheRuleOutOfTheScore()
    {
        var adjusted = Score(
        [
            Exception("AKS-SEC-20", ExceptionScope.Object, ExceptionCategory.Mitigated, objectKey: "web/Deployment/api"),
            Exception("AKS-SEC-20", ExceptionScope.Object, ExceptionCategory.RiskAccepted, objectKey: "web/Deployment/worker"),
        ]);

        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-SEC-20", RuleStatus.NotApplicable)), adjusted.Scores, ScoresComparer.Instance);
    }

    [Fact]
    public void Score_AttestedManual_CountsAsTheAttestedVerdict()
    {
        var pass = new ActiveAttestation(Guid.NewGuid(), Cluster, "AKS-REL-04", RuleStatus.Pass, Now.AddDays(9));
        var fail = pass with { Result = RuleStatus.Fail };

        var attestedPass = AdjustedScoring.Score(Cluster, Tags, Results, [], [pass]);
        var attestedFail = AdjustedScoring.Score(Cluster, Tags, Results, [], [fail]);

        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-REL-04", RuleStatus.Pass)), attestedPass.Scores, ScoresComparer.Instance);
        Assert.Equal(ScoreCalculator.Score(Results.WithStatus("AKS-REL-04", RuleStatus.Fail)), attestedFail.Scores, ScoresComparer.Instance);
        Assert.Equal((0, 1, Now.AddDays(9)), (attestedPass.Excepted, attestedPass.Attested, attestedPass.ValidUntil));
    }

    [Fact]
    public void Score_SeveralThingsApplied_HoldsUntilTheEarliestExpiry()
    {
        var soon = Exception("AKS-SEC-11", ExceptionScope.Rule, ExceptionCategory.Mitigated) with { ExpiresAt = Now.AddDays(3) };
        var later = Exception("AKS-REL-01", ExceptionScope.Cluster, ExceptionCategory.RiskAccepted) with { ExpiresAt = Now.AddDays(40) };

        var adjusted = Score([later, soon]);

        Assert.Equal((2, Now.AddDays(3)), (adjusted.Excepted, adjusted.ValidUntil));
    }

    [Fact]
    public void Score_ExceptionOnOneOfTwoRulesSharingACheck_CoversTheCheckAsFixingItWould()
    {
        List<RuleResult> results =
        [
            .. Results,
            Result("AKS-OPS-05", Pillar.OperationalExcellence, Severity.Medium, RuleStatus.Fail) with { CheckId = "policy-addon" },
            Result("AKS-OPS-08", Pillar.OperationalExcellence, Severity.High, RuleStatus.Fail) with { CheckId = "policy-addon" },
            Result("AKS-OPS-09", Pillar.OperationalExcellence, Severity.Low, RuleStatus.Pass),
        ];

        var adjusted = AdjustedScoring.Score(Cluster, Tags, results, [Exception("AKS-OPS-05", ExceptionScope.Cluster, ExceptionCategory.Mitigated)], []);

        var fixedCheck = results.WithStatus("AKS-OPS-05", RuleStatus.Pass).WithStatus("AKS-OPS-08", RuleStatus.Pass);
        Assert.Equal(ScoreCalculator.Score(fixedCheck), adjusted.Scores, ScoresComparer.Instance);
        Assert.Equal(100, adjusted.Scores[Pillar.OperationalExcellence]);
    }

    [Fact]
    public void Score_ExceptionOnAPassingRule_ChangesNothing()
    {
        Assert.False(Score([Exception("AKS-SEC-12", ExceptionScope.Rule, ExceptionCategory.FalsePositive)]).IsAdjusted);
    }

    private static AdjustedCluster Score(IEnumerable<ActiveException> exceptions) => AdjustedScoring.Score(Cluster, Tags, Results, exceptions, []);

    private static ActiveException Exception(
        string ruleId, ExceptionScope scope, ExceptionCategory category, Guid? clusterId = null, string? ns = null, string? objectKey = null,
        (string Key, string Value)? tag = null) =>
        new(Guid.NewGuid(), ruleId, scope, scope is ExceptionScope.Rule or ExceptionScope.Tag ? null : clusterId ?? Cluster, ns, objectKey,
            tag?.Key, tag?.Value, category, Now.AddDays(30));

    private static RuleResult Result(string ruleId, Pillar pillar, Severity severity, RuleStatus status, string objectKey = "") =>
        new(ruleId, pillar, severity, status, "", []) { ObjectKey = objectKey };
}
