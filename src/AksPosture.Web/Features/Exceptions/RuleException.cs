namespace AksPosture.Web.Features.Exceptions;

/// <summary>What an exception covers. Every exception names one rule; the scope says where.</summary>
public enum ExceptionScope
{
    /// <summary>The rule on every cluster of the fleet.</summary>
    Rule,

    /// <summary>The rule on every cluster carrying one Azure tag.</summary>
    Tag,

    /// <summary>The rule on one cluster.</summary>
    Cluster,

    /// <summary>The rule's findings on objects in one namespace of one cluster.</summary>
    Namespace,

    /// <summary>The rule's finding on one object of one cluster.</summary>
    Object,
}

/// <summary>Why a defect is accepted; each counts differently in the adjusted score (docs/scoring.md).</summary>
public enum ExceptionCategory
{
    /// <summary>Something else removes the risk (a compensating control).</summary>
    Mitigated,

    /// <summary>The risk is real and knowingly carried until the expiry.</summary>
    RiskAccepted,

    /// <summary>The rule is wrong about this cluster or object.</summary>
    FalsePositive,
}

/// <summary>Where a request stands. An approved exception counts only until it expires.</summary>
public enum ExceptionStatus
{
    Pending,
    Approved,
    Rejected,
    Revoked,
    Expired,
}

/// <summary>
/// A governed exception to a rule: requested with a justification and an expiry by one person, approved or rejected
/// by another, and counted in the adjusted score while approved and not expired.
/// </summary>
public sealed class RuleException
{
    public Guid Id { get; set; }

    public required string RuleId { get; set; }

    public ExceptionScope Scope { get; set; }

    /// <summary>The cluster, for cluster, namespace and object scopes.</summary>
    public Guid? ClusterId { get; set; }

    public string? Namespace { get; set; }

    /// <summary>The object as results name it: <c>namespace/Kind/name</c>, or <c>Kind/name</c> for objects outside namespaces.</summary>
    public string? ObjectKey { get; set; }

    /// <summary>Tag name, lower-case (Azure compares tag names case-insensitively).</summary>
    public string? TagKey { get; set; }

    public string? TagValue { get; set; }

    public ExceptionCategory Category { get; set; }

    public required string Justification { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public ExceptionStatus Status { get; set; }

    public required string RequestedById { get; set; }

    public required string RequestedByName { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? DecidedById { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionComment { get; set; }

    public string? RevokedById { get; set; }

    public string? RevokedByName { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokeReason { get; set; }

    /// <summary>When the expiry job marked it expired.</summary>
    public DateTimeOffset? LapsedAt { get; set; }

    /// <summary>Whether it counts in the adjusted score at <paramref name="now"/>: approved and not yet expired.</summary>
    public bool IsActiveAt(DateTimeOffset now) => Status == ExceptionStatus.Approved && ExpiresAt > now;
}
