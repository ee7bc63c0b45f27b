using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Governance;

namespace AksPosture.Web.Features.Attestations;

/// <summary>An attestation as lists and the API show it; <see cref="State"/> is read at the time of the request.</summary>
public sealed record AttestationView(
    Guid Id,
    Guid ClusterId,
    string ClusterName,
    string RuleId,
    string? RuleTitle,
    string Result,
    string Evidence,
    string Owner,
    DateTimeOffset ExpiresAt,
    string State,
    bool Expiring,
    string RecordedById,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? RevokedBy,
    DateTimeOffset? RevokedAt,
    string? RevokeReason)
{
    public static AttestationView From(Attestation a, string clusterName, DateTimeOffset now, DateTimeOffset expiringBefore)
    {
        var state = StateOf(a, now);
        return new AttestationView(
            a.Id, a.ClusterId, clusterName, a.RuleId, RuleCatalog.Find(a.RuleId)?.Definition.Title, a.Result.Code().ToLowerInvariant(), a.Evidence,
            a.Owner, a.ExpiresAt, state, state == "active" && a.ExpiresAt <= expiringBefore, a.RecordedById, a.RecordedByName, a.RecordedAt,
            a.RevokedByName, a.RevokedAt, a.RevokeReason);
    }

    /// <summary><c>active</c>, <c>expired</c>, <c>revoked</c> or <c>superseded</c>.</summary>
    public static string StateOf(Attestation a, DateTimeOffset now) =>
        a.Status == AttestationStatus.Active && a.ExpiresAt <= now ? "expired" : a.Status.Key();
}
