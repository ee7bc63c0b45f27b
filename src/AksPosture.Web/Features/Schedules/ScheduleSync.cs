using AksPosture.Web.Data;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Schedules;

/// <summary>Keeps Hangfire's recurring jobs in step with the schedules table: one per active schedule, none for paused or deleted ones.</summary>
public sealed class ScheduleSync(IDbContextFactory<AppDbContext> dbFactory, IRecurringJobManager recurring, JobStorage storage, ILogger<ScheduleSync> logger)
{
    private const string Prefix = "schedule:";

    public void Apply(AssessmentSchedule schedule)
    {
        if (schedule.Paused)
        {
            recurring.RemoveIfExists(schedule.RecurringJobId);
            return;
        }

        var id = schedule.Id;
        recurring.AddOrUpdate<ScheduleJob>(
            schedule.RecurringJobId,
            j => j.TriggerAsync(id, CancellationToken.None),
            schedule.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone) });
    }

    public void Remove(Guid scheduleId) => recurring.RemoveIfExists(AssessmentSchedule.RecurringJobIdFor(scheduleId));

    /// <summary>At start: registers every active schedule and removes recurring jobs left by schedules that are gone.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var schedule in schedules)
        {
            Apply(schedule);
        }

        var known = schedules.Where(s => !s.Paused).Select(s => s.RecurringJobId).ToHashSet(StringComparer.Ordinal);
        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal) && !known.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }

        logger.LogInformation("Schedules in step with Hangfire: {Active} active, {Paused} paused", known.Count, schedules.Count - known.Count);
    }

    /// <summary>The recurring job ids Hangfire holds for schedules (for tests and the Schedules page).</summary>
    public IReadOnlyList<string> RegisteredJobIds()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Where(j => j.Id.StartsWith(Prefix, StringComparison.Ordinal)).Select(j => j.Id).ToList();
    }
}
