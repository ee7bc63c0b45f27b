using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Attestations;

public enum AttestationStatus
{
    /// <summary>Counts in the score until it expires.</summary>
    Active,

    /// <summary>Withdrawn by the person who recorded it or an Approver.</summary>
    Revoked,

    /// <summary>A newer attestation of the same rule on the same cluster replaced it.</summary>
    Superseded,

    /// <summary>Marked by the expiry job once its expiry passed.</summary>
    Expired,
}

/// <summary>
/// A person's verdict on a MANUAL result of one cluster (a DR drill held, a runbook reviewed), with evidence, an owner
/// and an expiry. While active, its PASS or FAIL replaces the MANUAL result in the adjusted score.
/// </summary>
public sealed class Attestation
{
    public Guid Id { get; set; }

    public Guid ClusterId { get; set; }

    public required string RuleId { get; set; }

    /// <summary><see cref="RuleStatus.Pass"/> or <see cref="RuleStatus.Fail"/>.</summary>
    public RuleStatus Result { get; set; }

    /// <summary>A link to the evidence or a description of what was checked.</summary>
    public required string Evidence { get; set; }

    /// <summary>Who answers for the item (a person or team), not necessarily who recorded it.</summary>
    public required string Owner { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public AttestationStatus Status { get; set; }

    public required string RecordedById { get; set; }

    public required string RecordedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? RevokedById { get; set; }

    public string? RevokedByName { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokeReason { get; set; }

    /// <summary>When it stopped counting because a newer one replaced it or the expiry job marked it expired.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => Status == AttestationStatus.Active && ExpiresAt > now;
}
