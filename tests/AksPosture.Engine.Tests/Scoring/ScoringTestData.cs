using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Scoring;

/// <summary>Hand-made results, so every expected score can be worked out on paper.</summary>
internal static class ScoringTestData
{
    public static RuleResult Result(
        string ruleId, Pillar pillar, Severity severity, RuleStatus status, string? checkId = null, string objectKey = "") =>
        new(ruleId, pillar, severity, status, "", []) { CheckId = checkId ?? ruleId, ObjectKey = objectKey };
}
