namespace AksPosture.Engine.Rules;

/// <summary>The outcome of one rule on one cluster (or on one object inside it).</summary>
public sealed record RuleResult(
    string RuleId,
    Pillar Pillar,
    Severity Severity,
    RuleStatus Status,
    string Message,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Identifies the object a workload finding is about (namespace/kind/name); empty for the cluster itself.</summary>
    public string ObjectKey { get; init; } = "";

    /// <summary>The check this rule shares with rules of other seed items, so scoring counts one defect once per pillar.</summary>
    public string CheckId { get; init; } = RuleId;

    /// <summary>Per-object results of a workload rule; the cluster-level result above is the one that is scored.</summary>
    public IReadOnlyList<RuleResult> ObjectResults { get; init; } = [];

    public bool IsObjectResult => ObjectKey.Length > 0;
}
