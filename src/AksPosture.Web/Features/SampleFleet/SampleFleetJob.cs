using System.Diagnostics;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.SampleFleet;

/// <summary>
/// Assesses the sample fleet once (and adds its teams), when the database has no runs yet, so a fresh portal has something to show.
/// Every replica queues it at start; the check below (under a lock) makes only the first one seed.
/// </summary>
public sealed class SampleFleetJob(
    IOptions<SampleFleetOptions> options,
    SampleFleetLoader loader,
    AssessmentService assessments,
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time,
    ILogger<SampleFleetJob> logger)
{
    public const string Trigger = "startup-sample";

    private const long SeedLockKey = 0x414B_5350_5345_4544; // "AKSP" "SEED"

    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Assess the sample fleet (first start only)")]
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Sample fleet is disabled (SampleFleet:Enabled=false)");
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({SeedLockKey}) AS \"Value\"").SingleAsync(cancellationToken))
        {
            logger.LogInformation("Sample fleet not loaded here: another worker is loading it");
            return;
        }

        try
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

            var stopwatch = Stopwatch.StartNew();
            var fleet = loader.Load();
            var outcome = await assessments.AssessAsync(fleet.Clusters, fleet.SubscriptionNames, Trigger, isSample: true, cancellationToken);
            if (!await db.Teams.AnyAsync(cancellationToken))
            {
                db.Teams.AddRange(SampleTeams.Create(time.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }

            logger.LogInformation(
                "Sample fleet loaded: {Assessed} of {Total} invented clusters in {Subscriptions} subscriptions assessed in {ElapsedMs} ms (run {RunId}, {Status})",
                outcome.Run.ClustersAssessed, outcome.Run.ClustersTotal, fleet.Clusters.Select(c => c.SubscriptionId).Distinct().Count(),
                stopwatch.ElapsedMilliseconds, outcome.Run.Id, outcome.Run.Status);
        }
        finally
        {
            await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({SeedLockKey}) AS \"Value\"").SingleAsync(CancellationToken.None);
        }
    }
}
