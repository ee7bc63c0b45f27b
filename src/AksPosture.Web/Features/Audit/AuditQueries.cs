using System.Text.Json;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Audit;

/// <summary>Which entries to read; a null field does not filter. <paramref name="Actor"/> matches an actor id exactly or part of a name.</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>An entry as the API shows it: the values before and after as JSON objects, not strings.</summary>
public sealed record AuditEntryView(
    long Id, DateTimeOffset At, string ActorId, string ActorName, string Action, string EntityType, string EntityId, JsonElement? Before, JsonElement? After)
{
    public static AuditEntryView From(AuditEntry e) =>
        new(e.Id, e.At, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, Parse(e.Before), Parse(e.After));

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Page, int PageSize, int Total);

/// <summary>Reads the audit log newest first, a page at a time or streamed whole for an export.</summary>
public sealed class AuditQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary><paramref name="page"/> counts from 1.</summary>
    public async Task<AuditPage> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows.Select(AuditEntryView.From).ToList(), page, pageSize, total);
    }

    /// <summary>Every matching entry, read as it is written out, so an export of any size never sits in memory.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var entry in Filtered(db, filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return entry;
        }
    }

    private static IQueryable<AuditEntry> Filtered(AppDbContext db, AuditFilter filter)
    {
        var query = db.AuditLog.AsNoTracking();
        if (filter.EntityType is { } type)
        {
            query = query.Where(a => a.EntityType == type);
        }

        if (filter.EntityId is { } id)
        {
            query = query.Where(a => a.EntityId == id);
        }

        if (filter.Actor is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            query = query.Where(a => a.ActorId == actor || a.ActorName.ToLower().Contains(lower));
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.At <= to);
        }

        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
