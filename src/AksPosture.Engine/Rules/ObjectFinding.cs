using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>
/// A workload rule's verdict on one Kubernetes object. The rule's cluster-level result carries the score;
/// object results say which objects to fix and are tracked as findings of their own.
/// </summary>
public sealed record ObjectFinding(string ObjectKey, RuleStatus Status, string Message, IReadOnlyList<Evidence> Evidence)
{
    public static ObjectFinding For(KubernetesObject item, RuleStatus status, string message, params Evidence[] evidence) =>
        new(item.Key, status, message, evidence);
}
