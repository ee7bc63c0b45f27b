namespace AksPosture.Web.Features.Audit;

/// <summary>
/// One change to posture data: who made it, when, to what, and the values before and after. Rows are only ever
/// inserted; the database refuses updates and deletes of this table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The stable id of the person (Entra object id) or <c>system</c>.</summary>
    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>What happened, as <c>{entity}.{verb}</c>, e.g. <c>finding.assign</c> or <c>exception.approve</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing changed: finding, exception, attestation, schedule, team.</summary>
    public required string EntityType { get; set; }

    /// <summary>Its id as text (a composite key is joined with '/').</summary>
    public required string EntityId { get; set; }

    /// <summary>The changed values before, as JSON; null when the thing was created.</summary>
    public string? Before { get; set; }

    /// <summary>The changed values after, as JSON; null when the thing was deleted.</summary>
    public string? After { get; set; }
}
