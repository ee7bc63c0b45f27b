using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

/// <summary>Where the active findings of a selection stand: owned or not, overdue, and how far the work is.</summary>
public sealed record RemediationSummary(int Active, int Unassigned, int Overdue, int ToDo, int InProgress, int PendingVerification, int WontFix);

public sealed class RemediationSummaryQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<RemediationSummary> GetAsync(PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var active = new FindingFilter { Clusters = filter, States = [FindingState.New, FindingState.Open, FindingState.Reopened] };
        var rows = await FindingRows.SelectAsync(db, user, active, today, withRemediation: true, cancellationToken);

        // One pass, split in two groups by whether a finding is overdue.
        var groups = await rows
            .GroupBy(FindingRows.Overdue(today))
            .Select(g => new
            {
                Overdue = g.Key,
                Active = g.Count(),
                Unassigned = g.Count(x => x.Owner == null),
                ToDo = g.Count(x => x.WorkflowStatus == null || x.WorkflowStatus == WorkflowStatus.ToDo),
                InProgress = g.Count(x => x.WorkflowStatus == WorkflowStatus.InProgress),
                Pending = g.Count(x => x.WorkflowStatus == WorkflowStatus.PendingVerification),
                WontFix = g.Count(x => x.WorkflowStatus == WorkflowStatus.WontFix),
            })
            .ToListAsync(cancellationToken);
        return new RemediationSummary(
            groups.Sum(g => g.Active), groups.Sum(g => g.Unassigned), groups.Where(g => g.Overdue).Sum(g => g.Active),
            groups.Sum(g => g.ToDo), groups.Sum(g => g.InProgress), groups.Sum(g => g.Pending), groups.Sum(g => g.WontFix));
    }
}
