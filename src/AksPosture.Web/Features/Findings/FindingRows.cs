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
    public static async Task<IQueryable<FindingRow>> SelectAsync(
        AppDbContext db, PortalUser user, FindingFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var selection = await ClusterSelection.ForAsync(db, user, filter.Clusters, cancellationToken);
        var rows = from f in db.Findings.AsNoTracking()
                   join c in selection.Clusters(db).AsNoTracking() on f.ClusterId equals c.Id
                   join remediation in db.FindingRemediations.AsNoTracking()
                       on new { f.ClusterId, f.RuleId, f.ObjectKey } equals new { remediation.ClusterId, remediation.RuleId, remediation.ObjectKey } into remediations
                   from r in remediations.DefaultIfEmpty()
                   select new FindingRow
                   {
                       ClusterId = f.ClusterId,
                       ClusterName = c.Name,
                       ClusterArmId = c.ArmId,
                       ClusterArmIdKey = c.ArmIdKey,
                       SubscriptionId = c.SubscriptionId,
                       Environment = c.Environment,
                       GoneAt = c.GoneAt,
                       RuleId = f.RuleId,
                       ObjectKey = f.ObjectKey,
                       Pillar = f.Pillar,
                       Severity = f.Severity,
                       Result = f.Status,
                       State = f.State,
                       FirstSeenAt = f.FirstSeenAt,
                       LastSeenAt = f.LastSeenAt,
                       ResolvedAt = f.ResolvedAt,
                       ReopenedAt = f.ReopenedAt,
                       TimesReopened = f.TimesReopened,
                       Owner = r == null ? null : r.Owner,
                       DueAt = r == null ? null : r.DueAt,
                       WorkflowStatus = r == null ? null : r.WorkflowStatus,
                       TicketUrl = r == null ? null : r.TicketUrl,
                       CommentCount = r == null ? null : r.CommentCount,
                   };
        return Filter(rows, filter, today);
    }

    public static IQueryable<FindingRow> Only(IQueryable<FindingRow> rows, FindingKey key) =>
        rows.Where(x => x.ClusterId == key.ClusterId && x.RuleId == key.RuleId && x.ObjectKey == key.ObjectKey);

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
            rows = rows.Where(x => x.DueAt != null && x.DueAt < today && x.State != FindingState.Resolved
                                   && (x.WorkflowStatus == null || x.WorkflowStatus != WorkflowStatus.WontFix));
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
