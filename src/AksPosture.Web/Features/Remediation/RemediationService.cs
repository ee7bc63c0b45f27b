using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Remediation;

/// <summary>What a change to many findings did: how many it reached, how many it changed and which keys it could not find.</summary>
public sealed record RemediationResult(int Matched, int Changed, IReadOnlyList<string> NotFound);

public enum RemediationProblem
{
    None,

    /// <summary>The filter or key list selects more findings than one request may change.</summary>
    TooMany,

    /// <summary>Someone else created the same remediation rows at the same moment.</summary>
    Conflict,
}

/// <summary>
/// Changes owner, due date, workflow status and ticket of findings the user may see, one audit entry per finding
/// changed (in the same transaction), and nothing for a finding the change leaves as it was.
/// </summary>
public sealed class RemediationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const int MaxFindingsPerChange = 10_000;

    public const string AuditEntityType = "finding";

    public async Task<(RemediationResult? Result, RemediationProblem Problem, int Selected)> ApplyAsync(
        PortalUser user, IReadOnlyCollection<FindingKey> keys, RemediationChange change, CancellationToken cancellationToken)
    {
        if (keys.Count > MaxFindingsPerChange)
        {
            return (null, RemediationProblem.TooMany, keys.Count);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken);
        var visible = await WhereKeysIn(db.Findings.AsNoTracking(), keys)
            .Join(selection.Clusters(db), f => f.ClusterId, c => c.Id, (f, _) => new { f.ClusterId, f.RuleId, f.ObjectKey })
            .ToListAsync(cancellationToken);
        var found = visible.Select(f => new FindingKey(f.ClusterId, f.RuleId, f.ObjectKey)).Intersect(keys).ToList();
        var result = await ChangeAsync(db, user, found, change, cancellationToken);
        return result is null
            ? (null, RemediationProblem.Conflict, found.Count)
            : (result with { NotFound = keys.Except(found).Select(k => k.ToString()).ToList() }, RemediationProblem.None, found.Count);
    }

    public async Task<(RemediationResult? Result, RemediationProblem Problem, int Selected)> ApplyAsync(
        PortalUser user, FindingFilter filter, RemediationChange change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await FindingRows.SelectAsync(db, user, filter, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), withRemediation: false, cancellationToken);
        var total = await rows.CountAsync(cancellationToken);
        if (total > MaxFindingsPerChange)
        {
            return (null, RemediationProblem.TooMany, total);
        }

        var keys = await rows.Select(r => new { r.ClusterId, r.RuleId, r.ObjectKey }).ToListAsync(cancellationToken);
        var result = await ChangeAsync(db, user, keys.Select(k => new FindingKey(k.ClusterId, k.RuleId, k.ObjectKey)).ToList(), change, cancellationToken);
        return result is null ? (null, RemediationProblem.Conflict, total) : (result, RemediationProblem.None, total);
    }

    private async Task<RemediationResult?> ChangeAsync(
        AppDbContext db, PortalUser user, IReadOnlyList<FindingKey> keys, RemediationChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = (await WhereKeysIn(db.FindingRemediations, keys).ToListAsync(cancellationToken))
            .ToDictionary(r => new FindingKey(r.ClusterId, r.RuleId, r.ObjectKey));
        var changed = 0;
        foreach (var key in keys.Distinct())
        {
            var remediation = existing.GetValueOrDefault(key)
                ?? new FindingRemediation { ClusterId = key.ClusterId, RuleId = key.RuleId, ObjectKey = key.ObjectKey };
            var (before, after) = change.ApplyTo(remediation);
            if (after.Count == 0)
            {
                continue;
            }

            remediation.UpdatedAt = now;
            remediation.UpdatedBy = user.Name;
            if (!existing.ContainsKey(key))
            {
                db.FindingRemediations.Add(remediation);
            }

            AuditLog.Record(db, user, now, RemediationChange.AuditAction(after.Keys), AuditEntityType, key.AuditId, before, after);
            changed++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return null;
        }

        return new RemediationResult(keys.Count, changed, []);
    }

    // Narrows by cluster and rule in SQL; callers match whole keys, since a composite IN list does not translate.
    internal static IQueryable<T> WhereKeysIn<T>(IQueryable<T> rows, IReadOnlyCollection<FindingKey> keys)
        where T : class
    {
        var clusterIds = keys.Select(k => k.ClusterId).Distinct().ToList();
        var ruleIds = keys.Select(k => k.RuleId).Distinct().ToList();
        return rows.Where(r => clusterIds.Contains(EF.Property<Guid>(r, "ClusterId")) && ruleIds.Contains(EF.Property<string>(r, "RuleId")));
    }
}
