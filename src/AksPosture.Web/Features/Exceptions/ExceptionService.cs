using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Governance;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Exceptions;

/// <summary>
/// Requests, decisions and revocations of exceptions. The rules that make exceptions governed live here, not in the
/// pages or the API: a different person decides than requested, only pending requests are decided, every change is
/// audited in its own transaction, and the adjusted scores it changes are recomputed in that same transaction.
/// </summary>
public sealed class ExceptionService(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<GovernanceOptions> options,
    IBackgroundJobClient jobs,
    TimeProvider time)
{
    private const string EntityType = "exception";

    public async Task<GovernanceResult<ExceptionView>> RequestAsync(PortalUser actor, ExceptionRequest request, CancellationToken cancellationToken)
    {
        if (!actor.HasAtLeast(PortalRoles.Contributor))
        {
            return GovernanceProblem.Forbidden("Requesting an exception needs the Contributor role (or higher).");
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var valid = ExceptionRequestValidator.Validate(request, now, options.Value.ExceptionMaxDays, errors);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = valid?.Cluster is { } reference ? await VisibleClusters.FindAsync(db, actor, reference, cancellationToken) : null;
        if (valid?.Cluster is not null && cluster is null)
        {
            errors["clusterId"] = [VisibleClusters.NotVisible(request.ClusterId!)];
        }

        if (errors.Count > 0)
        {
            return GovernanceProblem.Invalid("The exception cannot be requested", errors);
        }

        var exception = new RuleException
        {
            Id = Guid.CreateVersion7(now), RuleId = valid!.RuleId, Scope = valid.Scope, ClusterId = cluster?.Id, Namespace = valid.Namespace,
            ObjectKey = valid.ObjectKey, TagKey = valid.TagKey, TagValue = valid.TagValue, Category = valid.Category,
            Justification = valid.Justification, ExpiresAt = valid.ExpiresAt, Status = ExceptionStatus.Pending,
            RequestedById = actor.Id, RequestedByName = actor.Name, RequestedAt = now,
        };
        db.RuleExceptions.Add(exception);
        AuditLog.Record(db, actor, now, "exception.request", EntityType, exception.Id.ToString(), null, Snapshot(exception));
        await db.SaveChangesAsync(cancellationToken);
        return View(exception, cluster?.Name, now);
    }

    public Task<GovernanceResult<ExceptionView>> ApproveAsync(PortalUser actor, Guid id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(actor, id, ExceptionStatus.Approved, comment, cancellationToken);

    public Task<GovernanceResult<ExceptionView>> RejectAsync(PortalUser actor, Guid id, string? comment, CancellationToken cancellationToken) =>
        DecideAsync(actor, id, ExceptionStatus.Rejected, comment, cancellationToken);

    /// <summary>Withdraws a pending request or ends an active exception early: its requester or an Approver may.</summary>
    public async Task<GovernanceResult<ExceptionView>> RevokeAsync(PortalUser actor, Guid id, string? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await ChangeAsync(actor, id, now, async (db, exception) =>
        {
            if (exception.RequestedById != actor.Id && !actor.HasAtLeast(PortalRoles.Approver))
            {
                return GovernanceProblem.Forbidden("Only the person who requested this exception or an Approver may revoke it.");
            }

            var state = ExceptionView.StateOf(exception, now);
            if (state is not ("pending" or "active"))
            {
                return GovernanceProblem.Conflict($"The exception is {state}, so there is nothing to revoke; only pending and active exceptions can be revoked.");
            }

            var before = new { status = exception.Status.Key() };
            exception.Status = ExceptionStatus.Revoked;
            exception.RevokedById = actor.Id;
            exception.RevokedByName = actor.Name;
            exception.RevokedAt = now;
            exception.RevokeReason = Comment(reason);
            AuditLog.Record(db, actor, now, "exception.revoke", EntityType, exception.Id.ToString(), before,
                new { status = exception.Status.Key(), reason = exception.RevokeReason });
            await db.SaveChangesAsync(cancellationToken);
            if (state == "active")
            {
                await AdjustedScoreStore.AfterExceptionChangeAsync(db, exception.Id, now, cancellationToken);
            }

            return null;
        }, cancellationToken);
    }

    private async Task<GovernanceResult<ExceptionView>> DecideAsync(
        PortalUser actor, Guid id, ExceptionStatus decision, string? comment, CancellationToken cancellationToken)
    {
        var verb = decision == ExceptionStatus.Approved ? "approve" : "reject";
        if (!actor.HasAtLeast(PortalRoles.Approver))
        {
            return GovernanceProblem.Forbidden($"Only an Approver may {verb} exceptions; ask one to review the request.");
        }

        var now = time.GetUtcNow();
        var result = await ChangeAsync(actor, id, now, async (db, exception) =>
        {
            if (exception.RequestedById == actor.Id)
            {
                return GovernanceProblem.Forbidden(
                    $"You requested this exception, so you cannot {verb} it: another Approver must decide, so that every exception is seen by two people.");
            }

            if (exception.Status != ExceptionStatus.Pending)
            {
                return GovernanceProblem.Conflict($"The exception is {ExceptionView.StateOf(exception, now)} already; only pending requests can be approved or rejected.");
            }

            if (decision == ExceptionStatus.Approved && exception.ExpiresAt <= now)
            {
                return GovernanceProblem.Conflict(
                    $"The request expired on {exception.ExpiresAt:yyyy-MM-dd HH:mm} UTC before it was decided; the requester can ask again with a later expiry.");
            }

            exception.Status = decision;
            exception.DecidedById = actor.Id;
            exception.DecidedByName = actor.Name;
            exception.DecidedAt = now;
            exception.DecisionComment = Comment(comment);
            AuditLog.Record(db, actor, now, $"exception.{verb}", EntityType, exception.Id.ToString(), new { status = ExceptionStatus.Pending.Key() },
                new { status = decision.Key(), comment = exception.DecisionComment });
            await db.SaveChangesAsync(cancellationToken);
            if (decision == ExceptionStatus.Approved)
            {
                await AdjustedScoreStore.AfterExceptionChangeAsync(db, exception.Id, now, cancellationToken);
            }

            return null;
        }, cancellationToken);

        if (decision == ExceptionStatus.Approved && result.Value is { } approved)
        {
            // Lapse it the moment it expires, not only on the next periodic pass.
            jobs.Schedule<ExpiryJob>(j => j.LapseAsync(CancellationToken.None), approved.ExpiresAt);
        }

        return result;
    }

    /// <summary>
    /// Locks the exception, checks the actor may see it, applies <paramref name="change"/> (null when it went through, or
    /// the problem) and commits.
    /// </summary>
    private async Task<GovernanceResult<ExceptionView>> ChangeAsync(
        PortalUser actor, Guid id, DateTimeOffset now, Func<AppDbContext, RuleException, Task<GovernanceProblem?>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exception = await db.RuleExceptions.FromSql($"SELECT * FROM rule_exceptions WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(cancellationToken);
        var cluster = exception?.ClusterId is { } clusterId ? await VisibleClusters.FindAsync(db, actor, new ClusterReference(clusterId, null), cancellationToken) : null;
        if (exception is null || (exception.ClusterId is not null && cluster is null))
        {
            return GovernanceProblem.NotFound($"There is no exception {id} that you can see; list them at /api/v1/exceptions.");
        }

        if (await change(db, exception) is { } problem)
        {
            return problem;
        }

        await transaction.CommitAsync(cancellationToken);
        return View(exception, cluster?.Name, now);
    }

    private ExceptionView View(RuleException exception, string? clusterName, DateTimeOffset now) =>
        ExceptionView.From(exception, clusterName, now, now.AddDays(options.Value.ExpiringWithinDays));

    private static string? Comment(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 2000)];

    private static object Snapshot(RuleException e) => new
    {
        ruleId = e.RuleId, scope = e.Scope.Key(), clusterId = e.ClusterId, @namespace = e.Namespace, objectKey = e.ObjectKey,
        tag = e.TagKey is null ? null : $"{e.TagKey}={e.TagValue}", category = e.Category.Key(), justification = e.Justification,
        expiresAt = e.ExpiresAt, status = e.Status.Key(),
    };
}
