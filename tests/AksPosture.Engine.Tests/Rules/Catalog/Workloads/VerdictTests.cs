using AksPosture.Engine.Rules;
using AksPosture.Engine.Rules.Catalog.Workloads;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>How a rule's parts combine: proven defects first, then missing data, then the rule's own verdict.</summary>
public class VerdictTests
{
    private static readonly Outcome NotCollected = Probe.NotApplicable("'x' was not collected.");
    private static readonly Outcome Denied = new(RuleStatus.Error, "'y' could not be collected.");

    [Fact]
    public void Decide_FailureAndMissingData_FailsAndMentionsTheGap()
    {
        var verdict = new Verdict();
        verdict.Missing(NotCollected);
        verdict.Fail("the add-on is off");
        verdict.Warn("coverage is low");

        var outcome = verdict.Decide(() => Probe.Pass("fine"));

        Assert.Equal(RuleStatus.Fail, outcome.Status);
        Assert.Equal("The add-on is off; coverage is low. 'x' was not collected.", outcome.Message);
    }

    [Fact]
    public void Decide_WarningAndMissingData_Warns()
    {
        var verdict = new Verdict();
        verdict.Warn("coverage is low");
        verdict.Missing(NotCollected);

        Assert.Equal(RuleStatus.Warn, verdict.Decide(() => Probe.Pass("fine")).Status);
    }

    [Fact]
    public void Decide_OnlyMissingData_NeverPasses()
    {
        var verdict = new Verdict();
        verdict.Missing(NotCollected);
        verdict.Missing(Denied);
        verdict.Missing(NotCollected);

        var outcome = verdict.Decide(() => Probe.Pass("fine"));

        Assert.Equal(RuleStatus.Error, outcome.Status);
        Assert.Equal(Denied.Message, outcome.Message);
    }

    [Fact]
    public void Decide_EverythingRead_UsesTheRulesVerdictAndKeepsObjects()
    {
        var verdict = new Verdict();
        verdict.Objects([new ObjectFinding("ns/Deployment/web", RuleStatus.Warn, "no probe", [])]);

        var outcome = verdict.Decide(() => Probe.Manual("confirm"));

        Assert.Equal(RuleStatus.Manual, outcome.Status);
        Assert.Equal("ns/Deployment/web", Assert.Single(outcome.Objects).ObjectKey);
    }
}
