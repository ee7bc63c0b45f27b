using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Governance;

namespace AksPosture.Web.Features.Exceptions;

/// <summary>
/// An exception as lists and the API show it. <see cref="State"/> is read at the time of the request: an approved
/// exception past its expiry is <c>expired</c> even before the expiry job has marked it.
/// </summary>
public sealed record ExceptionView(
    Guid Id,
    string RuleId,
    string? RuleTitle,
    string Scope,
    string ScopeText,
    Guid? ClusterId,
    string? ClusterName,
    string? Namespace,
    string? ObjectKey,
    string? Tag,
    string Category,
    string Justification,
    DateTimeOffset ExpiresAt,
    string State,
    bool Expiring,
    string RequestedById,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionComment,
    string? RevokedBy,
    DateTimeOffset? RevokedAt,
    string? RevokeReason)
{
    public static ExceptionView From(RuleException e, string? clusterName, DateTimeOffset now, DateTimeOffset expiringBefore)
    {
        var state = StateOf(e, now);
        return new ExceptionView(
            e.Id, e.RuleId, RuleCatalog.Find(e.RuleId)?.Definition.Title, e.Scope.Key(), Describe(e, clusterName), e.ClusterId, clusterName,
            e.Namespace, e.ObjectKey, e.TagKey is null ? null : $"{e.TagKey}={e.TagValue}", e.Category.Key(), e.Justification, e.ExpiresAt,
            state, state == "active" && e.ExpiresAt <= expiringBefore, e.RequestedById, e.RequestedByName, e.RequestedAt,
            e.DecidedByName, e.DecidedAt, e.DecisionComment, e.RevokedByName, e.RevokedAt, e.RevokeReason);
    }

    /// <summary><c>pending</c>, <c>active</c>, <c>expired</c>, <c>rejected</c> or <c>revoked</c>.</summary>
    public static string StateOf(RuleException e, DateTimeOffset now) => e.Status switch
    {
        ExceptionStatus.Approved or ExceptionStatus.Pending when e.ExpiresAt <= now => "expired",
        ExceptionStatus.Approved => "active",
        _ => e.Status.Key(),
    };

    /// <summary>A category key as people read it: "risk accepted".</summary>
    public static string CategoryText(string category) => category switch
    {
        "riskAccepted" => "risk accepted",
        "falsePositive" => "false positive",
        _ => category,
    };

    /// <summary>Where the exception applies, in words: "every cluster", "clusters tagged team=web", "namespace web on aks-1".</summary>
    public static string Describe(RuleException e, string? clusterName)
    {
        var cluster = clusterName ?? e.ClusterId?.ToString() ?? "";
        return e.Scope switch
        {
            ExceptionScope.Rule => "every cluster",
            ExceptionScope.Tag => $"clusters tagged {e.TagKey}={e.TagValue}",
            ExceptionScope.Cluster => $"cluster {cluster}",
            ExceptionScope.Namespace => $"namespace {e.Namespace} on {cluster}",
            _ => $"{e.ObjectKey} on {cluster}",
        };
    }
}
