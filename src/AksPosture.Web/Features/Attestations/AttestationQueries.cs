using System.Linq.Expressions;
using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Attestations;

public enum AttestationListState
{
    Active,

    /// <summary>Active and expiring within <see cref="GovernanceOptions.ExpiringWithinDays"/>.</summary>
    Expiring,

    Expired,

    Revoked,

    Superseded,

    /// <summary>No longer counting: expired, revoked or superseded.</summary>
    Closed,
}

public sealed record AttestationFilter(AttestationListState? State = null, ClusterFilter? Clusters = null, Guid? ClusterId = null, string? RuleId = null);

public sealed record AttestationPage(IReadOnlyList<AttestationView> Items, int Page, int PageSize, int Total);

/// <summary>A MANUAL result a person can attest: the rule of the cluster's latest run that needs one.</summary>
public sealed record ManualRule(string RuleId, string Title);

/// <summary>Lists attestations of the clusters a user may see (through <see cref="ClusterSelection"/>).</summary>
public sealed class AttestationQueries(IDbContextFactory<AppDbContext> dbFactory, IOptions<GovernanceOptions> options, TimeProvider time)
{
    public async Task<AttestationPage> ListAsync(PortalUser user, AttestationFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = now.AddDays(options.Value.ExpiringWithinDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleClusters.IdsAsync(db, user, filter.Clusters ?? ClusterFilter.None, cancellationToken);
        var attestations = db.Attestations.AsNoTracking().Where(a => visible.Contains(a.ClusterId));
        if (filter.State is { } state)
        {
            attestations = attestations.Where(InState(state, now, soon));
        }

        if (filter.ClusterId is { } clusterId)
        {
            attestations = attestations.Where(a => a.ClusterId == clusterId);
        }

        if (filter.RuleId is { } ruleId)
        {
            attestations = attestations.Where(a => a.RuleId == ruleId);
        }

        var total = await attestations.CountAsync(cancellationToken);
        var ordered = filter.State is AttestationListState.Active or AttestationListState.Expiring
            ? attestations.OrderBy(a => a.ExpiresAt)
            : attestations.OrderByDescending(a => a.RecordedAt);
        var rows = await (
                from a in ordered.ThenBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
                join c in db.Clusters on a.ClusterId equals c.Id
                select new { Attestation = a, ClusterName = c.Name })
            .ToListAsync(cancellationToken);
        return new AttestationPage(rows.Select(r => AttestationView.From(r.Attestation, r.ClusterName, now, soon)).ToList(), page, pageSize, total);
    }

    public async Task<AttestationView?> GetAsync(PortalUser user, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleClusters.IdsAsync(db, user, ClusterFilter.None, cancellationToken);
        var row = await (
                from a in db.Attestations.AsNoTracking()
                where a.Id == id && visible.Contains(a.ClusterId)
                join c in db.Clusters on a.ClusterId equals c.Id
                select new { Attestation = a, ClusterName = c.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : AttestationView.From(row.Attestation, row.ClusterName, now, now.AddDays(options.Value.ExpiringWithinDays));
    }

    /// <summary>The MANUAL results of a cluster's latest run, for choosing what to attest; empty when the user cannot see it.</summary>
    public async Task<IReadOnlyList<ManualRule>> ManualRulesAsync(PortalUser user, Guid clusterId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = await VisibleClusters.FindAsync(db, user, new ClusterReference(clusterId, null), cancellationToken);
        if (cluster?.LatestRunId is not { } runId)
        {
            return [];
        }

        var ruleIds = await db.RuleResults.AsNoTracking()
            .Where(r => r.RunId == runId && r.ClusterId == clusterId && r.ObjectKey == "" && r.Status == RuleStatus.Manual)
            .Select(r => r.RuleId)
            .ToListAsync(cancellationToken);
        return ruleIds.Order(StringComparer.Ordinal).Select(id => new ManualRule(id, RuleCatalog.Find(id)?.Definition.Title ?? id)).ToList();
    }

    private static Expression<Func<Attestation, bool>> InState(AttestationListState state, DateTimeOffset now, DateTimeOffset soon) => state switch
    {
        AttestationListState.Active => a => a.Status == AttestationStatus.Active && a.ExpiresAt > now,
        AttestationListState.Expiring => a => a.Status == AttestationStatus.Active && a.ExpiresAt > now && a.ExpiresAt <= soon,
        AttestationListState.Expired => a => a.Status == AttestationStatus.Expired || (a.Status == AttestationStatus.Active && a.ExpiresAt <= now),
        AttestationListState.Revoked => a => a.Status == AttestationStatus.Revoked,
        AttestationListState.Superseded => a => a.Status == AttestationStatus.Superseded,
        _ => a => a.Status != AttestationStatus.Active || a.ExpiresAt <= now,
    };
}
