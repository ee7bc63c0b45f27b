using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// The one query behind the findings list, its export and bulk changes by filter, so all three select the same rows.
/// Clusters come through <see cref="ClusterSelection"/>: a user only ever reaches findings of clusters they may see.
/// </summary>
internal static class FindingRows
{
    /// <summary>
    /// The findings the filter selects. Remediation columns are joined only when <paramref name="withRemediation"/> is set
    /// (or the filter needs them): joining them for the whole fleet before a page is cut costs more than the page itself.
    /// </summary>
    public static async Task<IQueryable<FindingRow>> SelectAsync(
        AppDbContext db, PortalUser user, FindingFilter filter, DateOnly today, bool withRemediation, CancellationToken cancellationToken)
    {
        var selection = await ClusterSelection.ForAsync(db, user, filter.Clusters, cancellationToken);
        var findings = withRemediation || filter.NeedsRemediation
            ? from f in db.Findings.AsNoTracking()
              join remediation in db.FindingRemediations.AsNoTracking()
                  on new { f.ClusterId, f.RuleId, f.ObjectKey } equals new { remediation.ClusterId, remediation.RuleId, remediation.ObjectKey } into remediations
              from r in remediations.DefaultIfEmpty()
              select new { f, r }
            : db.Findings.AsNoTracking().Select(f => new { f, r = (FindingRemediation?)null });
        var rows = from x in findings
                   join c in selection.Clusters(db).AsNoTracking() on x.f.ClusterId equals c.Id
                   join latestRun in db.AssessmentRuns.AsNoTracking() on c.LatestRunId equals (Guid?)latestRun.Id into latestRuns
                   from latest in latestRuns.DefaultIfEmpty()
                   select new FindingRow
                   {
                       ClusterId = x.f.ClusterId,
                       ClusterName = c.Name,
                       ClusterArmId = c.ArmId,
                       ClusterArmIdKey = c.ArmIdKey,
                       SubscriptionId = c.SubscriptionId,
                       Environment = c.Environment,
                       GoneAt = c.GoneAt,
                       RuleId = x.f.RuleId,
                       ObjectKey = x.f.ObjectKey,
                       Pillar = x.f.Pillar,
                       Severity = x.f.Severity,
                       Result = x.f.Status,
                       // What the lifecycle does not write down (FindingLifecycle): a live finding (no last-seen time) was
                       // last seen by its cluster's latest run, and is open unless that run is the one that opened or reopened it.
                       State = x.f.LastSeenAt == null && x.f.LastRunId != c.LatestRunId && (x.f.State == FindingState.New || x.f.State == FindingState.Reopened)
                           ? FindingState.Open
                           : x.f.State,
                       FirstSeenAt = x.f.FirstSeenAt,
                       LastSeenAt = x.f.LastSeenAt ?? latest.FinishedAt ?? x.f.FirstSeenAt,
                       ResolvedAt = x.f.ResolvedAt,
                       ReopenedAt = x.f.ReopenedAt,
                       TimesReopened = x.f.TimesReopened,
                       Owner = x.r == null ? null : x.r.Owner,
                       DueAt = x.r == null ? null : x.r.DueAt,
                       WorkflowStatus = x.r == null ? null : x.r.WorkflowStatus,
                       TicketUrl = x.r == null ? null : x.r.TicketUrl,
                       CommentCount = x.r == null ? null : x.r.CommentCount,
                   };
        return Filter(rows, filter, today);
    }

    /// <summary>Adds the remediation columns to rows read without them (a page of a few dozen).</summary>
    public static async Task<List<FindingRow>> WithRemediationAsync(AppDbContext db, List<FindingRow> rows, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => new FindingKey(r.ClusterId, r.RuleId, r.ObjectKey)).ToList();
        var remediations = (await RemediationService.WhereKeysIn(db.FindingRemediations.AsNoTracking(), keys).ToListAsync(cancellationToken))
            .ToDictionary(r => new FindingKey(r.ClusterId, r.RuleId, r.ObjectKey));
        return rows.Select(row => remediations.TryGetValue(new FindingKey(row.ClusterId, row.RuleId, row.ObjectKey), out var r)
                ? row with { Owner = r.Owner, DueAt = r.DueAt, WorkflowStatus = r.WorkflowStatus, TicketUrl = r.TicketUrl, CommentCount = r.CommentCount }
                : row)
            .ToList();
    }

    public static IQueryable<FindingRow> Only(IQueryable<FindingRow> rows, FindingKey key) =>
        rows.Where(x => x.ClusterId == key.ClusterId && x.RuleId == key.RuleId && x.ObjectKey == key.ObjectKey);

    /// <summary>The rows of a page's keys, and possibly a few more (clusters × rules); callers match whole keys.</summary>
    public static IQueryable<FindingRow> OnlyKeys(IQueryable<FindingRow> rows, IReadOnlyCollection<FindingKey> keys)
    {
        var clusterIds = keys.Select(k => k.ClusterId).Distinct().ToList();
        var ruleIds = keys.Select(k => k.RuleId).Distinct().ToList();
        return rows.Where(x => clusterIds.Contains(x.ClusterId) && ruleIds.Contains(x.RuleId));
    }

    public static IOrderedQueryable<FindingRow> Sort(IQueryable<FindingRow> rows, FindingSort sort)
    {
        var ordered = sort.Field switch
        {
            FindingSortField.FirstSeenAt => By(rows, x => x.FirstSeenAt, sort.Descending),
            FindingSortField.Severity => By(rows, x => x.Severity == Severity.Critical ? 3 : x.Severity == Severity.High ? 2 : x.Severity == Severity.Medium ? 1 : 0, sort.Descending),
            FindingSortField.Pillar => By(rows, x => x.Pillar, sort.Descending),
            FindingSortField.RuleId => By(rows, x => x.RuleId, sort.Descending),
            FindingSortField.ClusterName => By(rows, x => x.ClusterName, sort.Descending),
            FindingSortField.Status => By(rows, x => x.State == FindingState.New ? 0 : x.State == FindingState.Reopened ? 1 : x.State == FindingState.Open ? 2 : 3, sort.Descending),
            FindingSortField.Owner => By(rows, x => x.Owner, sort.Descending),
            FindingSortField.DueAt => By(rows, x => x.DueAt, sort.Descending),
            FindingSortField.WorkflowStatus => By(rows, x => x.WorkflowStatus == WorkflowStatus.InProgress ? 1 : x.WorkflowStatus == WorkflowStatus.PendingVerification ? 2 : x.WorkflowStatus == WorkflowStatus.WontFix ? 3 : 0, sort.Descending),
            _ => By(rows, x => x.LastSeenAt, sort.Descending),
        };

        // Ties fall back to a fixed order ending in the primary key, so pages never overlap or skip.
        return ordered.ThenBy(x => x.ClusterName).ThenBy(x => x.RuleId).ThenBy(x => x.ObjectKey).ThenBy(x => x.ClusterId);
    }

    /// <summary>Active, past its due date and not declared won't fix; <see cref="FindingOverdue"/> says the same in memory.</summary>
    public static System.Linq.Expressions.Expression<Func<FindingRow, bool>> Overdue(DateOnly today) =>
        x => x.DueAt != null && x.DueAt < today && x.State != FindingState.Resolved
             && (x.WorkflowStatus == null || x.WorkflowStatus != WorkflowStatus.WontFix);

    private static IOrderedQueryable<FindingRow> By<TKey>(IQueryable<FindingRow> rows, System.Linq.Expressions.Expression<Func<FindingRow, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    private static IQueryable<FindingRow> Filter(IQueryable<FindingRow> rows, FindingFilter filter, DateOnly today)
    {
        if (filter.States.Count > 0)
        {
            var states = filter.States.ToList();
            rows = rows.Where(x => states.Contains(x.State));
        }

        if (filter.Pillar is { } pillar)
        {
            rows = rows.Where(x => x.Pillar == pillar);
        }

        if (filter.Severity is { } severity)
        {
            rows = rows.Where(x => x.Severity == severity);
        }

        if (filter.ClusterId is { } clusterId)
        {
            rows = rows.Where(x => x.ClusterId == clusterId);
        }

        if (filter.ClusterArmIdKey is { } armIdKey)
        {
            rows = rows.Where(x => x.ClusterArmIdKey == armIdKey);
        }

        if (filter.RuleId is { } ruleId)
        {
            rows = rows.Where(x => x.RuleId == ruleId);
        }

        if (filter.WorkflowStatus is { } workflow)
        {
            rows = workflow == WorkflowStatus.ToDo
                ? rows.Where(x => x.WorkflowStatus == null || x.WorkflowStatus == workflow)
                : rows.Where(x => x.WorkflowStatus == workflow);
        }

        if (filter.Unassigned)
        {
            rows = rows.Where(x => x.Owner == null);
        }
        else if (filter.Owner is { } owner)
        {
            var lower = owner.ToLowerInvariant();
            rows = rows.Where(x => x.Owner != null && x.Owner.ToLower() == lower);
        }

        if (filter.Overdue)
        {
            rows = rows.Where(Overdue(today));
        }

        if (filter.Text is { Length: > 0 } text)
        {
            var pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            var titled = RuleCatalog.All.Where(r => r.Definition.Title.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(r => r.Definition.Id).ToList();
            rows = rows.Where(x => EF.Functions.ILike(x.RuleId, pattern, @"\") || EF.Functions.ILike(x.ObjectKey, pattern, @"\")
                                   || EF.Functions.ILike(x.ClusterName, pattern, @"\") || titled.Contains(x.RuleId));
        }

        if (!filter.IncludeGone)
        {
            rows = rows.Where(x => x.GoneAt == null);
        }

        return rows;
    }
}
