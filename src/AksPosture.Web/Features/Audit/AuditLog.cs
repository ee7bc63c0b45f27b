using System.Text.Json;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;

namespace AksPosture.Web.Features.Audit;

/// <summary>
/// Adds audit entries to the same unit of work as the change they describe, so a change and its record commit or
/// roll back together.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Records a change made by <paramref name="actor"/>. <paramref name="before"/> and <paramref name="after"/> hold the
    /// changed values (an anonymous object or record): before is null for a creation, after is null for a deletion.
    /// </summary>
    public static void Record(
        AppDbContext db, PortalUser actor, DateTimeOffset at, string action, string entityType, string entityId, object? before, object? after)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        });
    }
}
