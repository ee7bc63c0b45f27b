using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Governance;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Attestations;

/// <summary>
/// Records and revokes attestations of MANUAL results. A new attestation of the same rule on the same cluster replaces
/// the active one; each change is audited and the cluster's adjusted score recomputed in the same transaction.
/// </summary>
public sealed class AttestationService(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<GovernanceOptions> options,
    IBackgroundJobClient jobs,
    TimeProvider time)
{
    private const string EntityType = "attestation";

    public async Task<GovernanceResult<AttestationView>> RecordAsync(PortalUser actor, AttestationRequest request, CancellationToken cancellationToken)
    {
        if (!actor.HasAtLeast(PortalRoles.Contributor))
        {
            return GovernanceProblem.Forbidden("Recording an attestation needs the Contributor role (or higher).");
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var valid = AttestationRequestValidator.Validate(request, now, options.Value.AttestationMaxDays, errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = valid is null ? null : await VisibleClusters.FindAsync(db, actor, valid.Cluster, cancellationToken);
        if (valid is not null && cluster is null)
        {
            errors["clusterId"] = [VisibleClusters.NotVisible(request.ClusterId!)];
        }
        else if (valid is not null && await CurrentStatusAsync(db, cluster!.LatestRunId, cluster.Id, valid.RuleId, cancellationToken) is var status && status != RuleStatus.Manual)
        {
            errors["ruleId"] = [status is null
                ? $"{valid.RuleId} has no result on {cluster.Name}'s latest assessment, so there is nothing to attest."
                : $"{valid.RuleId} is {status.Value.Code()} on {cluster.Name}, not MANUAL: only MANUAL results are attested; for a failing result, request an exception."];
        }

        if (errors.Count > 0)
        {
            return GovernanceProblem.Invalid("The attestation cannot be recorded", errors);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attestation = new Attestation
        {
            Id = Guid.CreateVersion7(now), ClusterId = cluster!.Id, RuleId = valid!.RuleId, Result = valid.Result, Evidence = valid.Evidence,
            Owner = valid.Owner, ExpiresAt = valid.ExpiresAt, Status = AttestationStatus.Active, RecordedById = actor.Id, RecordedByName = actor.Name,
            RecordedAt = now,
        };
        var replaced = await db.Attestations
            .FromSql($"SELECT * FROM attestations WHERE cluster_id = {cluster.Id} AND rule_id = {valid.RuleId} AND status = 'active' FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var old in replaced)
        {
            old.Status = AttestationStatus.Superseded;
            old.EndedAt = now;
            AuditLog.Record(db, actor, now, "attestation.supersede", EntityType, old.Id.ToString(),
                new { status = AttestationStatus.Active.Key() }, new { status = old.Status.Key(), supersededBy = attestation.Id });
        }

        db.Attestations.Add(attestation);
        AuditLog.Record(db, actor, now, "attestation.record", EntityType, attestation.Id.ToString(), null, new
        {
            clusterId = attestation.ClusterId, ruleId = attestation.RuleId, result = attestation.Result.Code(), evidence = attestation.Evidence,
            owner = attestation.Owner, expiresAt = attestation.ExpiresAt, status = attestation.Status.Key(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await AdjustedScoreStore.RecomputeAsync(db, [cluster.Id], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.Schedule<ExpiryJob>(j => j.LapseAsync(CancellationToken.None), attestation.ExpiresAt);
        return View(attestation, cluster.Name, now);
    }

    /// <summary>Ends an active attestation early: the person who recorded it or an Approver may.</summary>
    public async Task<GovernanceResult<AttestationView>> RevokeAsync(PortalUser actor, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attestation = await db.Attestations.FromSql($"SELECT * FROM attestations WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);
        var cluster = attestation is null ? null : await VisibleClusters.FindAsync(db, actor, new ClusterReference(attestation.ClusterId, null), cancellationToken);
        if (attestation is null || cluster is null)
        {
            return GovernanceProblem.NotFound($"There is no attestation {id} that you can see; list them at /api/v1/attestations.");
        }

        if (attestation.RecordedById != actor.Id && !actor.HasAtLeast(PortalRoles.Approver))
        {
            return GovernanceProblem.Forbidden("Only the person who recorded this attestation or an Approver may revoke it.");
        }

        var state = AttestationView.StateOf(attestation, now);
        if (state != "active")
        {
            return GovernanceProblem.Conflict($"The attestation is {state}, so there is nothing to revoke; only active attestations can be revoked.");
        }

        attestation.Status = AttestationStatus.Revoked;
        attestation.RevokedById = actor.Id;
        attestation.RevokedByName = actor.Name;
        attestation.RevokedAt = now;
        attestation.RevokeReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 2000)];
        AuditLog.Record(db, actor, now, "attestation.revoke", EntityType, attestation.Id.ToString(),
            new { status = AttestationStatus.Active.Key() }, new { status = attestation.Status.Key(), reason = attestation.RevokeReason });
        await db.SaveChangesAsync(cancellationToken);
        await AdjustedScoreStore.RecomputeAsync(db, [attestation.ClusterId], now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(attestation, cluster.Name, now);
    }

    private static Task<RuleStatus?> CurrentStatusAsync(AppDbContext db, Guid? runId, Guid clusterId, string ruleId, CancellationToken cancellationToken) =>
        db.RuleResults.AsNoTracking()
            .Where(r => r.RunId == runId && r.ClusterId == clusterId && r.RuleId == ruleId && r.ObjectKey == "")
            .Select(r => (RuleStatus?)r.Status)
            .FirstOrDefaultAsync(cancellationToken);

    private AttestationView View(Attestation attestation, string clusterName, DateTimeOffset now) =>
        AttestationView.From(attestation, clusterName, now, now.AddDays(options.Value.ExpiringWithinDays));
}
