using System.Linq.Expressions;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Exceptions;

/// <summary>Which exceptions a list shows, as read at the time of the request.</summary>
public enum ExceptionListState
{
    /// <summary>Approved and not expired.</summary>
    Active,

    /// <summary>Active and expiring within <see cref="GovernanceOptions.ExpiringWithinDays"/>.</summary>
    Expiring,

    /// <summary>Waiting for an Approver (and not expired).</summary>
    Pending,

    Expired,

    Rejected,

    Revoked,

    /// <summary>Expired, rejected or revoked: no longer counting and no longer waiting.</summary>
    Closed,
}

public sealed record ExceptionFilter(
    ExceptionListState? State = null,
    ClusterFilter? Clusters = null,
    Guid? ClusterId = null,
    string? RuleId = null,
    ExceptionCategory? Category = null);

public sealed record ExceptionPage(IReadOnlyList<ExceptionView> Items, int Page, int PageSize, int Total);

/// <summary>
/// Lists exceptions a user may see: those on clusters of their teams (through <see cref="ClusterSelection"/>), and
/// every fleet-wide and tag exception, which reach clusters of any team.
/// </summary>
public sealed class ExceptionQueries(IDbContextFactory<AppDbContext> dbFactory, IOptions<GovernanceOptions> options, TimeProvider time)
{
    /// <summary>Sorted so the list reads as a queue: soonest expiry first for active ones, oldest request first for pending.</summary>
    public async Task<ExceptionPage> ListAsync(PortalUser user, ExceptionFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = now.AddDays(options.Value.ExpiringWithinDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleClusters.IdsAsync(db, user, filter.Clusters ?? ClusterFilter.None, cancellationToken);
        var exceptions = db.RuleExceptions.AsNoTracking().Where(e => e.ClusterId == null || visible.Contains(e.ClusterId.Value));
        if (filter.State is { } state)
        {
            exceptions = exceptions.Where(InState(state, now, soon));
        }

        if (filter.ClusterId is { } clusterId)
        {
            exceptions = exceptions.Where(e => e.ClusterId == clusterId);
        }

        if (filter.RuleId is { } ruleId)
        {
            exceptions = exceptions.Where(e => e.RuleId == ruleId);
        }

        if (filter.Category is { } category)
        {
            exceptions = exceptions.Where(e => e.Category == category);
        }

        var total = await exceptions.CountAsync(cancellationToken);
        var ordered = filter.State switch
        {
            ExceptionListState.Active or ExceptionListState.Expiring => exceptions.OrderBy(e => e.ExpiresAt),
            ExceptionListState.Pending => exceptions.OrderBy(e => e.RequestedAt),
            _ => exceptions.OrderByDescending(e => e.RequestedAt),
        };
        var rows = await (
                from e in ordered.ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize)
                join c in db.Clusters on e.ClusterId equals c.Id into clusters
                from c in clusters.DefaultIfEmpty()
                select new { Exception = e, ClusterName = c == null ? null : c.Name })
            .ToListAsync(cancellationToken);
        return new ExceptionPage(rows.Select(r => ExceptionView.From(r.Exception, r.ClusterName, now, soon)).ToList(), page, pageSize, total);
    }

    public async Task<ExceptionView?> GetAsync(PortalUser user, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleClusters.IdsAsync(db, user, ClusterFilter.None, cancellationToken);
        var row = await (
                from e in db.RuleExceptions.AsNoTracking()
                where e.Id == id && (e.ClusterId == null || visible.Contains(e.ClusterId.Value))
                join c in db.Clusters on e.ClusterId equals c.Id into clusters
                from c in clusters.DefaultIfEmpty()
                select new { Exception = e, ClusterName = c == null ? null : c.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ExceptionView.From(row.Exception, row.ClusterName, now, now.AddDays(options.Value.ExpiringWithinDays));
    }

    private static Expression<Func<RuleException, bool>> InState(ExceptionListState state, DateTimeOffset now, DateTimeOffset soon) => state switch
    {
        ExceptionListState.Active => e => e.Status == ExceptionStatus.Approved && e.ExpiresAt > now,
        ExceptionListState.Expiring => e => e.Status == ExceptionStatus.Approved && e.ExpiresAt > now && e.ExpiresAt <= soon,
        ExceptionListState.Pending => e => e.Status == ExceptionStatus.Pending && e.ExpiresAt > now,
        ExceptionListState.Expired => e => e.Status == ExceptionStatus.Expired
            || ((e.Status == ExceptionStatus.Approved || e.Status == ExceptionStatus.Pending) && e.ExpiresAt <= now),
        ExceptionListState.Rejected => e => e.Status == ExceptionStatus.Rejected,
        ExceptionListState.Revoked => e => e.Status == ExceptionStatus.Revoked,
        _ => e => e.Status == ExceptionStatus.Expired || e.Status == ExceptionStatus.Rejected || e.Status == ExceptionStatus.Revoked
            || e.ExpiresAt <= now,
    };
}
