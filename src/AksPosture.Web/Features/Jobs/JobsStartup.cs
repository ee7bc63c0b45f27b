using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Retention;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Features.Schedules;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Jobs;

/// <summary>
/// At start: registers the portal's own recurring jobs, brings schedules' recurring jobs in step with the table,
/// and queues the sample fleet job. Every replica does this; all of it is idempotent.
/// </summary>
internal sealed class JobsStartup(
    IDbContextFactory<AppDbContext> dbFactory,
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    ScheduleSync schedules,
    IOptions<RetentionOptions> retention,
    IOptions<SampleFleetOptions> sampleFleet,
    ILogger<JobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if ((await db.PendingMigrationsAsync(cancellationToken)).Count > 0)
                {
                    logger.LogWarning("Background jobs not registered: the database schema is not up to date. Start with Database__MigrateOnStartup=true or run the migrations.");
                    return;
                }
            }

            recurring.AddOrUpdate<RunWatchdogJob>(RunWatchdogJob.RecurringJobId, j => j.FailStaleRunsAsync(CancellationToken.None), "*/10 * * * *");
            recurring.AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId, j => j.RemoveExpiredResultsAsync(CancellationToken.None), retention.Value.CleanupCron);
            recurring.AddOrUpdate<ExpiryJob>(ExpiryJob.RecurringJobId, j => j.LapseAsync(CancellationToken.None), ExpiryJob.Cron);
            await schedules.SyncAllAsync(cancellationToken);
            if (sampleFleet.Value.Enabled)
            {
                jobs.Enqueue<SampleFleetJob>(j => j.SeedAsync(CancellationToken.None));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The portal still serves what is stored; the next start (or replica) registers the jobs.
            logger.LogError(ex, "Background jobs could not be registered at start");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
