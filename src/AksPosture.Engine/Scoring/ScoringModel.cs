using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Scoring;

/// <summary>The published scoring model (docs/scoring.md). Bump <see cref="Version"/> when any number here changes.</summary>
public static class ScoringModel
{
    public const string Version = "1";

    public static double Weight(Severity severity) => severity switch
    {
        Severity.Low => 1,
        Severity.Medium => 2,
        Severity.High => 4,
        Severity.Critical => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>The share of a rule's weight a status earns, or <c>null</c> when the status is left out of the score.</summary>
    public static double? Credit(RuleStatus status) => status switch
    {
        RuleStatus.Pass => 1.0,
        RuleStatus.Warn => 0.5,
        RuleStatus.Fail => 0.0,
        _ => null, // NA, MANUAL and ERROR are outside the denominator.
    };
}
