using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Engine.Tests.Scoring;

public class ScoringModelTests
{
    [Theory]
    [InlineData(Severity.Low, 1)]
    [InlineData(Severity.Medium, 2)]
    [InlineData(Severity.High, 4)]
    [InlineData(Severity.Critical, 8)]
    public void Weight_Severity_DoublesPerLevel(Severity severity, double expected)
    {
        Assert.Equal(expected, ScoringModel.Weight(severity));
    }

    [Theory]
    [InlineData(RuleStatus.Pass, 1.0)]
    [InlineData(RuleStatus.Warn, 0.5)]
    [InlineData(RuleStatus.Fail, 0.0)]
    [InlineData(RuleStatus.NotApplicable, null)]
    [InlineData(RuleStatus.Manual, null)]
    [InlineData(RuleStatus.Error, null)]
    public void Credit_Status_IsShareOfWeightOrExcluded(RuleStatus status, double? expected)
    {
        Assert.Equal(expected, ScoringModel.Credit(status));
    }
}
