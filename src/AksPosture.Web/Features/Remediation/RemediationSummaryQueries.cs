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
        var rows = await FindingRows.SelectAsync(db, user, active, today, cancellationToken);
        var overdue = await FindingRows.SelectAsync(db, user, active with { Overdue = true }, today, cancellationToken);
        var counts = await rows
            .GroupBy(_ => 1)
            .Select(g => new RemediationSummary(
                g.Count(),
                g.Count(x => x.Owner == null),
                0,
                g.Count(x => x.WorkflowStatus == null || x.WorkflowStatus == WorkflowStatus.ToDo),
                g.Count(x => x.WorkflowStatus == WorkflowStatus.InProgress),
                g.Count(x => x.WorkflowStatus == WorkflowStatus.PendingVerification),
                g.Count(x => x.WorkflowStatus == WorkflowStatus.WontFix)))
            .FirstOrDefaultAsync(cancellationToken);
        return (counts ?? new RemediationSummary(0, 0, 0, 0, 0, 0, 0)) with { Overdue = await overdue.CountAsync(cancellationToken) };
    }
}
