using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Exceptions;

namespace AksPosture.Web.Features.Governance;

/// <summary>An approved, unexpired exception as the adjusted score needs it.</summary>
public sealed record ActiveException(
    Guid Id,
    string RuleId,
    ExceptionScope Scope,
    Guid? ClusterId,
    string? Namespace,
    string? ObjectKey,
    string? TagKey,
    string? TagValue,
    ExceptionCategory Category,
    DateTimeOffset ExpiresAt)
{
    public static ActiveException From(RuleException e) =>
        new(e.Id, e.RuleId, e.Scope, e.ClusterId, e.Namespace, e.ObjectKey, e.TagKey, e.TagValue, e.Category, e.ExpiresAt);

    /// <summary>Mitigated and false-positive defects count as passed; accepted risks leave the score.</summary>
    public bool CountsAsPass => Category is not ExceptionCategory.RiskAccepted;

    /// <summary>Whether the exception reaches the cluster at all: fleet-wide, by its tag, or by its id.</summary>
    public bool AppliesTo(Guid clusterId, IReadOnlyDictionary<string, string> tags) => Scope switch
    {
        ExceptionScope.Rule => true,
        ExceptionScope.Tag => tags.Any(t => string.Equals(t.Key, TagKey, StringComparison.OrdinalIgnoreCase) && t.Value == TagValue),
        _ => ClusterId == clusterId,
    };

    /// <summary>Whether it covers the rule's result on the cluster itself (not only some of its objects).</summary>
    public bool CoversWholeCluster => Scope is ExceptionScope.Rule or ExceptionScope.Tag or ExceptionScope.Cluster;

    /// <summary>Whether it covers the rule's result on one object of a cluster it applies to.</summary>
    public bool CoversObject(string objectKey) => Scope switch
    {
        ExceptionScope.Namespace => ObjectKeys.IsInNamespace(objectKey, Namespace!),
        ExceptionScope.Object => string.Equals(objectKey, ObjectKey, StringComparison.Ordinal),
        _ => true,
    };
}

/// <summary>An active attestation: the verdict that replaces a MANUAL result.</summary>
public sealed record ActiveAttestation(Guid Id, Guid ClusterId, string RuleId, RuleStatus Result, DateTimeOffset ExpiresAt);

/// <summary>How results name objects: <c>namespace/Kind/name</c>, or <c>Kind/name</c> outside namespaces.</summary>
public static class ObjectKeys
{
    /// <summary>An object of the namespace, or the namespace object itself (<c>Namespace/name</c>).</summary>
    public static bool IsInNamespace(string objectKey, string ns) =>
        objectKey.StartsWith(ns + "/", StringComparison.Ordinal) || string.Equals(objectKey, "Namespace/" + ns, StringComparison.Ordinal);
}
