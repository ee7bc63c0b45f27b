using System.Diagnostics;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.SampleFleet;

/// <summary>
/// Assesses the sample fleet once, when the database has no runs yet, so a fresh portal has something to
/// show. Runs in the background so the web server starts listening at once.
/// </summary>
public sealed class SampleFleetSeeder(
    IOptions<SampleFleetOptions> options,
    SampleFleetLoader loader,
    AssessmentService assessments,
    IDbContextFactory<AppDbContext> dbFactory,
    ILogger<SampleFleetSeeder> logger) : BackgroundService
{
    public const string Trigger = "startup-sample";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Return to the host at once: start-up must not wait for the assessment.
        await Task.Yield();
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Sample fleet is disabled (SampleFleet:Enabled=false)");
            return;
        }

        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Sample fleet seeding stopped: the portal is shutting down");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Sample fleet could not be loaded; the portal runs without it");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if ((await db.PendingMigrationsAsync(cancellationToken)).Count > 0)
            {
                logger.LogWarning("Sample fleet not loaded: the database schema is not up to date. Start with Database__MigrateOnStartup=true or run the migrations.");
                return;
            }

            if (await db.AssessmentRuns.AnyAsync(cancellationToken))
            {
                logger.LogInformation("Sample fleet not loaded: the database already holds assessment runs");
                return;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        var fleet = loader.Load();
        var outcome = await assessments.AssessAsync(fleet.Clusters, fleet.SubscriptionNames, Trigger, isSample: true, cancellationToken);
        logger.LogInformation(
            "Sample fleet loaded: {Assessed} of {Total} invented clusters in {Subscriptions} subscriptions assessed in {ElapsedMs} ms (run {RunId}, {Status})",
            outcome.Run.ClustersAssessed, outcome.Run.ClustersTotal, fleet.Clusters.Select(c => c.SubscriptionId).Distinct().Count(),
            stopwatch.ElapsedMilliseconds, outcome.Run.Id, outcome.Run.Status);
    }
}
