using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Clusters;

/// <summary>A cluster's scores over time and what changed in its latest run.</summary>
public sealed record ClusterHistory(IReadOnlyList<ScorePoint> Trend, RunChanges? Changes);

public sealed class ClusterQueries(IDbContextFactory<AppDbContext> dbFactory, TrendQueries trends, RunChangeQueries changes, TimeProvider time)
{
    public const int TrendDays = 30;

    /// <summary>Null when there is no such cluster or the user may not see it.</summary>
    public async Task<ClusterDetail?> GetAsync(PortalUser user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, new ClusterFilter(ClusterId: id), cancellationToken);
        var cluster = await selection.Clusters(db).AsNoTracking()
            .Include(c => c.Subscription)
            .Include(c => c.LatestRun)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var runId = cluster.LatestRunId;
        var rollups = await db.PillarScoreRollups.AsNoTracking()
            .Where(r => r.RunId == runId && r.ClusterId == id)
            .ToListAsync(cancellationToken);
        var records = await db.RuleResults.AsNoTracking()
            .Where(r => r.RunId == runId && r.ClusterId == id)
            .ToListAsync(cancellationToken);

        var run = cluster.LatestRun;
        return new ClusterDetail(
            cluster.Id, cluster.Name, cluster.ArmId, cluster.SubscriptionId, cluster.Subscription?.DisplayName ?? cluster.SubscriptionId,
            cluster.ResourceGroup, cluster.Location, cluster.Tags, cluster.IsSample,
            run is null ? null : new RunStamp(run.Id, run.RuleSetVersion, run.ScoringVersion, run.FinishedAt),
            ResultRecords.ToScores(rollups),
            ToViews(records.Select(ResultRecords.ToResult).ToList()));
    }

    public async Task<ClusterHistory> GetHistoryAsync(PortalUser user, ClusterDetail cluster, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var points = await trends.GetAsync(
            user, new ScoreScope(ScoreScopeKind.Cluster, cluster.ArmId.ToLowerInvariant()), now.AddDays(-TrendDays), now, TrendInterval.Day, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, new ClusterFilter(ClusterId: cluster.Id), cancellationToken);
        return new ClusterHistory((points ?? []).Select(SelectedClusters.ToPoint).ToList(), await changes.GetAsync(selection, cancellationToken));
    }

    private static List<ResultView> ToViews(IReadOnlyList<RuleResult> results) =>
        results
            .Select(r =>
            {
                var (pillar, overall) = ScoreCalculator.PotentialIncrease(results, r);
                return new ResultView(r, RuleCatalog.Find(r.RuleId)?.Definition, pillar, overall);
            })
            .OrderBy(v => v.Result.Pillar)
            .ThenBy(v => StatusOrder(v.Result.Status))
            .ThenByDescending(v => v.Result.Severity)
            .ThenBy(v => v.Result.RuleId, StringComparer.Ordinal)
            .ToList();

    // Worst first: what needs fixing, then what needs a person, then what passed.
    private static int StatusOrder(RuleStatus status) => status switch
    {
        RuleStatus.Fail => 0,
        RuleStatus.Warn => 1,
        RuleStatus.Error => 2,
        RuleStatus.Manual => 3,
        RuleStatus.NotApplicable => 4,
        _ => 5,
    };
}
