using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Remediation;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Findings;

public sealed class FindingDetailQueries(IDbContextFactory<AppDbContext> dbFactory, FindingQueries findings)
{
    private const int RecentRuns = 20;
    private const int HistoryEntries = 100;

    /// <summary>Null when the finding does not exist or belongs to a cluster <paramref name="user"/> may not see.</summary>
    public async Task<FindingDetail?> GetAsync(PortalUser user, FindingKey key, CancellationToken cancellationToken)
    {
        if (await findings.FindAsync(user, key, cancellationToken) is not { } finding)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recentRuns = await (
                from p in db.PillarScoreRollups
                where p.ClusterId == key.ClusterId && p.Pillar == PillarScoreRollup.Overall
                join a in db.AssessmentRuns on p.RunId equals a.Id
                where a.Status == RunStatus.Succeeded || a.Status == RunStatus.Partial
                orderby a.FinishedAt descending
                select new { a.Id, a.FinishedAt, a.ResultsRemovedAt })
            .Take(RecentRuns)
            .ToListAsync(cancellationToken);
        var runIds = recentRuns.Select(r => r.Id).ToList();
        var results = await db.RuleResults.AsNoTracking()
            .Where(r => runIds.Contains(r.RunId) && r.ClusterId == key.ClusterId && r.RuleId == key.RuleId && r.ObjectKey == key.ObjectKey)
            .ToDictionaryAsync(r => r.RunId, cancellationToken);

        var latest = recentRuns.Where(r => results.ContainsKey(r.Id)).Select(r => (Run: r, Record: results[r.Id])).FirstOrDefault();
        var history = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == RemediationService.AuditEntityType && a.EntityId == key.AuditId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(HistoryEntries)
            .Select(a => new FindingHistoryEntry(a.At, a.ActorName, a.Action, a.Before, a.After))
            .ToListAsync(cancellationToken);

        return new FindingDetail(
            finding,
            RuleHelp.For(key.RuleId),
            latest.Record is { } record
                ? new LatestResult(record.RunId, latest.Run.FinishedAt, record.Status.Code(), record.Message, ResultRecords.ToResult(record).Evidence)
                : null,
            recentRuns.Select(r => new ResultInRun(r.Id, r.FinishedAt, results.TryGetValue(r.Id, out var found) ? found.Status.Code() : r.ResultsRemovedAt is null ? null : "removed")).ToList(),
            history,
            await CommentQueries.ListAsync(db, key, 1, CommentQueries.MaxPageSize, cancellationToken));
    }
}
