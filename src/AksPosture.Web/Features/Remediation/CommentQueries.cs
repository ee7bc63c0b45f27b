using AksPosture.Web.Data;
using AksPosture.Web.Features.Findings;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

public sealed record CommentView(long Id, string AuthorName, DateTimeOffset At, string Text);

public sealed record CommentPage(IReadOnlyList<CommentView> Items, int Page, int PageSize, int Total);

internal static class CommentQueries
{
    public const int MaxPageSize = 200;

    /// <summary>Oldest first, so a page reads as the conversation went.</summary>
    public static async Task<List<CommentView>> ListAsync(AppDbContext db, FindingKey key, int page, int pageSize, CancellationToken cancellationToken) =>
        await Of(db, key)
            .OrderBy(c => c.At).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CommentView(c.Id, c.AuthorName, c.At, c.Text))
            .ToListAsync(cancellationToken);

    public static Task<int> CountAsync(AppDbContext db, FindingKey key, CancellationToken cancellationToken) =>
        Of(db, key).CountAsync(cancellationToken);

    private static IQueryable<FindingComment> Of(AppDbContext db, FindingKey key) =>
        db.FindingComments.AsNoTracking().Where(c => c.ClusterId == key.ClusterId && c.RuleId == key.RuleId && c.ObjectKey == key.ObjectKey);
}
