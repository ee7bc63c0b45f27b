using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Exceptions;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Governance;

/// <summary>What one pass of the expiry job did.</summary>
public sealed record ExpiryOutcome(int Exceptions, int Attestations, int ClustersRecomputed);

/// <summary>
/// Lapses exceptions (approved or still pending) and attestations whose expiry has passed, each with an audit entry by
/// the system, and recomputes the adjusted scores they were part of. Runs every few minutes and once at each approved
/// exception's expiry; reads never count an expired exception even before it runs.
/// </summary>
public sealed class ExpiryJob(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<ExpiryJob> logger)
{
    public const string RecurringJobId = "governance:expiry";

    public const string Cron = "*/5 * * * *";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Lapse expired exceptions and attestations")]
    public async Task<ExpiryOutcome> LapseAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var exceptions = await db.RuleExceptions
            .FromSql($"SELECT * FROM rule_exceptions WHERE status IN ('approved', 'pending') AND expires_at <= {now} FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var exception in exceptions)
        {
            var before = new { status = exception.Status.Key() };
            exception.Status = ExceptionStatus.Expired;
            exception.LapsedAt = now;
            AuditLog.Record(db, PortalUser.System, now, "exception.expire", "exception", exception.Id.ToString(), before, new { status = exception.Status.Key(), lapsedAt = now });
        }

        var attestations = await db.Attestations
            .FromSql($"SELECT * FROM attestations WHERE status = 'active' AND expires_at <= {now} FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var attestation in attestations)
        {
            attestation.Status = AttestationStatus.Expired;
            attestation.EndedAt = now;
            AuditLog.Record(db, PortalUser.System, now, "attestation.expire", "attestation", attestation.Id.ToString(),
                new { status = AttestationStatus.Active.Key() }, new { status = attestation.Status.Key(), endedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        // Every adjustment an expired exception or attestation took part in is stale from its expiry on.
        var recomputed = await AdjustedScoreStore.RecomputeStaleAsync(db, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Expiry: {Exceptions} exception(s) and {Attestations} attestation(s) lapsed, adjusted scores of {Clusters} cluster(s) recomputed",
            exceptions.Count, attestations.Count, recomputed);
        return new ExpiryOutcome(exceptions.Count, attestations.Count, recomputed);
    }
}
