using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Findings;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

/// <summary>Comments on findings the user may see; reading and writing both check the finding through the user's cluster selection.</summary>
public sealed class CommentService(IDbContextFactory<AppDbContext> dbFactory, FindingQueries findings, TimeProvider time)
{
    /// <summary>Null when the finding does not exist or the user may not see it.</summary>
    public async Task<CommentPage?> ListAsync(PortalUser user, FindingKey key, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (await findings.FindAsync(user, key, cancellationToken) is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new CommentPage(
            await CommentQueries.ListAsync(db, key, page, pageSize, cancellationToken), page, pageSize,
            await CommentQueries.CountAsync(db, key, cancellationToken));
    }

    /// <summary>Adds a comment, its audit entry and the finding's comment count in one transaction; null when the finding is not visible.</summary>
    public async Task<CommentView?> AddAsync(PortalUser user, FindingKey key, string text, CancellationToken cancellationToken)
    {
        if (await findings.FindAsync(user, key, cancellationToken) is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var comment = new FindingComment
        {
            ClusterId = key.ClusterId, RuleId = key.RuleId, ObjectKey = key.ObjectKey,
            AuthorId = user.Id, AuthorName = user.Name, At = now, Text = text,
        };
        db.FindingComments.Add(comment);
        AuditLog.Record(db, user, now, "finding.comment", RemediationService.AuditEntityType, key.AuditId, null, new { text });
        await db.SaveChangesAsync(cancellationToken);

        // The count is kept on the remediation row so lists need no per-row count; an upsert because the row may not exist yet.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO finding_remediations AS r (cluster_id, rule_id, object_key, workflow_status, comment_count, updated_at, updated_by)
            VALUES ({key.ClusterId}, {key.RuleId}, {key.ObjectKey}, {WorkflowStatus.ToDo.Key()}, 1, {now}, {user.Name})
            ON CONFLICT (cluster_id, rule_id, object_key) DO UPDATE SET comment_count = r.comment_count + 1
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CommentView(comment.Id, comment.AuthorName, comment.At, comment.Text);
    }
}
