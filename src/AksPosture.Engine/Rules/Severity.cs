namespace AksPosture.Engine.Rules;

/// <summary>How much a failed rule matters; the scoring model turns it into a weight.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}
