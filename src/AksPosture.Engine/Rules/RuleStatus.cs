namespace AksPosture.Engine.Rules;

/// <summary>
/// The verdict of one rule on one cluster. Missing data is never <see cref="Pass"/> or <see cref="Fail"/>:
/// it is <see cref="NotApplicable"/> (with the reason) or <see cref="Error"/> (data could not be read).
/// </summary>
public enum RuleStatus
{
    Pass,
    Fail,
    Warn,
    NotApplicable,
    Manual,
    Error,
}

public static class RuleStatusNames
{
    /// <summary>The upper-case code used in reports: PASS, FAIL, WARN, NA, MANUAL, ERROR.</summary>
    public static string Code(this RuleStatus status) => status switch
    {
        RuleStatus.Pass => "PASS",
        RuleStatus.Fail => "FAIL",
        RuleStatus.Warn => "WARN",
        RuleStatus.NotApplicable => "NA",
        RuleStatus.Manual => "MANUAL",
        RuleStatus.Error => "ERROR",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static RuleStatus? FromCode(string code) =>
        Enum.GetValues<RuleStatus>().Select(s => (RuleStatus?)s)
            .FirstOrDefault(s => string.Equals(s!.Value.Code(), code, StringComparison.OrdinalIgnoreCase));
}
