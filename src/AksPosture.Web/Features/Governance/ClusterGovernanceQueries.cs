using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Governance;

/// <summary>An exception that reaches a cluster, with what is needed to tell which results it covers (its rule's check).</summary>
public sealed record ReachingException(ActiveException Match, string CheckId, ExceptionView View);

/// <summary>
/// What the cluster page shows about governance: raw and adjusted scores, the pending and active exceptions that reach
/// the cluster, and its active attestations. <see cref="ClusterVisible"/> is false when the cluster is not one of the
/// user's teams' (then only fleet-wide and tag exceptions can be requested).
/// </summary>
public sealed record ClusterGovernance(
    bool ClusterVisible,
    AdjustedScores? Scores,
    IReadOnlyList<ReachingException> Exceptions,
    IReadOnlyList<AttestationView> Attestations)
{
    public static ClusterGovernance None { get; } = new(false, null, [], []);
}

public sealed class ClusterGovernanceQueries(
    IDbContextFactory<AppDbContext> dbFactory, AdjustedScoreQueries scores, IOptions<GovernanceOptions> options, TimeProvider time)
{
    public async Task<ClusterGovernance> GetAsync(PortalUser user, Guid clusterId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var soon = now.AddDays(options.Value.ExpiringWithinDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cluster = await VisibleClusters.FindAsync(db, user, new ClusterReference(clusterId, null), cancellationToken);
        if (cluster is null)
        {
            return ClusterGovernance.None;
        }

        var candidates = await db.RuleExceptions.AsNoTracking()
            .Where(e => (e.Status == ExceptionStatus.Pending || e.Status == ExceptionStatus.Approved) && e.ExpiresAt > now)
            .Where(e => e.ClusterId == clusterId || e.ClusterId == null)
            .OrderBy(e => e.ExpiresAt)
            .ToListAsync(cancellationToken);
        var exceptions = candidates
            .Select(e => new ReachingException(
                ActiveException.From(e),
                RuleCatalog.Find(e.RuleId)?.Definition.EffectiveCheckId ?? e.RuleId,
                ExceptionView.From(e, e.ClusterId is null ? null : cluster.Name, now, soon)))
            .Where(e => e.Match.AppliesTo(clusterId, cluster.Tags))
            .ToList();
        var attestations = await db.Attestations.AsNoTracking()
            .Where(a => a.ClusterId == clusterId && a.Status == AttestationStatus.Active && a.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return new ClusterGovernance(
            true,
            await scores.ForClusterAsync(user, clusterId, cancellationToken),
            exceptions,
            attestations.Select(a => AttestationView.From(a, cluster.Name, now, soon)).ToList());
    }
}
