using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

/// <summary>Which findings to list; a null field does not filter. Findings of gone clusters are left out unless asked for.</summary>
public sealed record FindingFilter(
    FindingState? Status = null,
    Pillar? Pillar = null,
    Severity? Severity = null,
    string? SubscriptionId = null,
    Guid? ClusterId = null,
    string? ClusterArmIdKey = null,
    string? RuleId = null,
    bool IncludeGone = false);

public sealed record FindingView(
    Guid ClusterId,
    string ClusterName,
    string ClusterArmId,
    string SubscriptionId,
    string RuleId,
    string ObjectKey,
    string Pillar,
    string Severity,
    string Result,
    string Status,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ReopenedAt,
    int TimesReopened,
    bool ClusterGone);

public sealed record FindingPage(IReadOnlyList<FindingView> Items, int Page, int PageSize, int Total);

public sealed class FindingQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Most recently seen first, of the clusters the user may see; <paramref name="page"/> counts from 1.</summary>
    public async Task<FindingPage> ListAsync(PortalUser user, FindingFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        var query = from f in db.Findings.AsNoTracking()
                    join c in selection.Clusters(db).AsNoTracking() on f.ClusterId equals c.Id
                    select new { Finding = f, c.Name, c.ArmId, c.ArmIdKey, c.SubscriptionId, c.GoneAt };
        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Finding.State == status);
        }

        if (filter.Pillar is { } pillar)
        {
            query = query.Where(x => x.Finding.Pillar == pillar);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(x => x.Finding.Severity == severity);
        }

        if (filter.SubscriptionId is { } subscription)
        {
            query = query.Where(x => x.SubscriptionId == subscription);
        }

        if (filter.ClusterId is { } clusterId)
        {
            query = query.Where(x => x.Finding.ClusterId == clusterId);
        }

        if (filter.ClusterArmIdKey is { } armIdKey)
        {
            query = query.Where(x => x.ArmIdKey == armIdKey);
        }

        if (filter.RuleId is { } ruleId)
        {
            query = query.Where(x => x.Finding.RuleId == ruleId);
        }

        if (!filter.IncludeGone)
        {
            query = query.Where(x => x.GoneAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(x => x.Finding.LastSeenAt)
            .ThenBy(x => x.Name)
            .ThenBy(x => x.Finding.RuleId)
            .ThenBy(x => x.Finding.ObjectKey)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = rows.Select(x => new FindingView(
                x.Finding.ClusterId, x.Name, x.ArmId, x.SubscriptionId, x.Finding.RuleId, x.Finding.ObjectKey,
                x.Finding.Pillar.Key(), x.Finding.Severity.ToString().ToLowerInvariant(), x.Finding.Status.Code(),
                x.Finding.State.ToString().ToLowerInvariant(), x.Finding.FirstSeenAt, x.Finding.LastSeenAt, x.Finding.ResolvedAt,
                x.Finding.ReopenedAt, x.Finding.TimesReopened, x.GoneAt is not null))
            .ToList();
        return new FindingPage(items, page, pageSize, total);
    }
}
