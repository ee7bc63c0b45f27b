using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Schedules;

/// <summary>What a schedule's recurring job does when it fires: start a run of the schedule's scope, unless one is still going.</summary>
public sealed class ScheduleJob(IDbContextFactory<AppDbContext> dbFactory, RunService runs, TimeProvider time, ILogger<ScheduleJob> logger)
{
    // A missed occurrence is better than a late duplicate: the next one comes soon enough.
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Scheduled run ({0})")]
    public async Task TriggerAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == scheduleId, cancellationToken);
        if (schedule is null || schedule.Paused || !RunScope.TryParse(schedule.Scope, out var scope))
        {
            logger.LogInformation("Schedule {ScheduleId} fired but is deleted, paused or unreadable; nothing started", scheduleId);
            return;
        }

        var started = await runs.StartAsync(scope, RunService.ScheduleTrigger, schedule.Id, cancellationToken);
        schedule.LastTriggeredAt = time.GetUtcNow();
        schedule.LastRunId = started.RunId ?? schedule.LastRunId;
        await db.SaveChangesAsync(cancellationToken);
        if (started.RunId is null)
        {
            logger.LogInformation("Schedule {Name} skipped: run {ActiveRunId} of {Scope} is still going", schedule.Name, started.ActiveRunId, scope);
        }
    }
}
