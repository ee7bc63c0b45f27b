using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules;

public class RuleTests
{
    private static RuleDefinition Definition(string? checkId = null) => new()
    {
        Id = "AKS-OPS-99",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.High,
        Title = "t",
        Rationale = "r",
        Remediation = "m",
        SeedReference = "s",
        CheckId = checkId,
    };

    private static RuleResult Run(Rule rule) => rule.Evaluate(Load(MostlyCompliant).Snapshot(), AssessmentSettings.Default);

    [Fact]
    public void Evaluate_Outcome_CarriesMetadataAndEvidence()
    {
        var rule = new Rule(Definition(), probe => probe.Text("sku.tier") == "Standard" ? Probe.Pass("paid") : Probe.Fail("free"));

        var result = Run(rule);

        Assert.Equal(("AKS-OPS-99", Pillar.OperationalExcellence, Severity.High, RuleStatus.Pass, "paid"),
            (result.RuleId, result.Pillar, result.Severity, result.Status, result.Message));
        Assert.Equal("AKS-OPS-99", result.CheckId);
        Assert.Equal([new Evidence("sku.tier", "\"Standard\"")], result.Evidence);
    }

    [Fact]
    public void Evaluate_SharedCheck_IsStampedOnTheResult()
    {
        var result = Run(new Rule(Definition("shared"), _ => Probe.Manual("confirm")));

        Assert.Equal("shared", result.CheckId);
        Assert.Equal(RuleStatus.Manual, result.Status);
    }

    [Fact]
    public void Evaluate_UnreadableValue_IsErrorNamingThePath()
    {
        var rule = new Rule(Definition(), probe => probe.Bool("properties.networkProfile") == true ? Probe.Pass("") : Probe.Fail(""));

        var result = Run(rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.networkProfile'", result.Message);
    }

    [Fact]
    public void Evaluate_PredicateThrowsInvalidOperation_IsError()
    {
        var result = Run(new Rule(Definition(), _ => throw new InvalidOperationException("boom")));

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("boom", result.Message);
    }

    [Theory]
    [InlineData(RuleStatus.Pass, "PASS")]
    [InlineData(RuleStatus.Fail, "FAIL")]
    [InlineData(RuleStatus.Warn, "WARN")]
    [InlineData(RuleStatus.NotApplicable, "NA")]
    [InlineData(RuleStatus.Manual, "MANUAL")]
    [InlineData(RuleStatus.Error, "ERROR")]
    public void RuleStatusCode_EveryStatus_RoundTrips(RuleStatus status, string code)
    {
        Assert.Equal(code, status.Code());
        Assert.Equal(status, RuleStatusNames.FromCode(code.ToLowerInvariant()));
    }

    [Fact]
    public void PillarKey_EveryPillar_RoundTrips()
    {
        Assert.Equal("costOptimization", Pillar.CostOptimization.Key());
        Assert.All(PillarNames.All, p => Assert.Equal(p, PillarNames.FromKey(p.Key().ToUpperInvariant())));
        Assert.Null(PillarNames.FromKey("sustainability"));
    }
}
