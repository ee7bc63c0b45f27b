using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Metrics;

/// <summary>
/// Computes the metrics snapshot: the scores and open findings of the fleet, of every team and of every subscription,
/// as the portal itself sees them (all clusters; gone clusters left out). A handful of aggregate queries per refresh.
/// </summary>
public sealed class PostureMetricsCollector(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<PostureMetricsSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selected = await SelectedClusters.ForAsync(db, PortalUser.System, ClusterFilter.None, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var subscriptions = await db.Subscriptions.AsNoTracking().ToDictionaryAsync(s => s.SubscriptionId, s => s.DisplayName, cancellationToken);

        var scores = new List<MetricPoint>();
        scores.AddRange(ScorePoints("fleet", "fleet", "Fleet", (await selected.ScoresAsync(db, cancellationToken)).Scores));
        foreach (var (id, group) in await GroupScores.ByTeamAsync(db, selected.Selection, cancellationToken))
        {
            scores.AddRange(ScorePoints("team", id.ToString(), teams.GetValueOrDefault(id, ""), group.Scores));
        }

        foreach (var (id, group) in await GroupScores.BySubscriptionAsync(db, selected.Selection, cancellationToken))
        {
            scores.AddRange(ScorePoints("subscription", id, subscriptions.GetValueOrDefault(id, id), group.Scores));
        }

        var findings = new List<MetricPoint>();
        findings.AddRange(FindingPoints("fleet", "fleet", "Fleet", await FindingCounts.OpenBySeverityAsync(db, selected.Selection, cancellationToken)));
        foreach (var (id, counts) in await FindingCounts.OpenBySeverityPerTeamAsync(db, selected.Selection, cancellationToken))
        {
            findings.AddRange(FindingPoints("team", id.ToString(), teams.GetValueOrDefault(id, ""), counts));
        }

        foreach (var (id, counts) in await FindingCounts.OpenBySeverityPerSubscriptionAsync(db, selected.Selection, cancellationToken))
        {
            findings.AddRange(FindingPoints("subscription", id, subscriptions.GetValueOrDefault(id, id), counts));
        }

        return new PostureMetricsSnapshot(scores, findings, time.GetUtcNow());
    }

    // A pillar with no score has no sample: Prometheus reads a missing series as "unknown", where 0 would page someone.
    private static IEnumerable<MetricPoint> ScorePoints(string scope, string id, string name, PillarScores scores) =>
        PillarNames.All.Select(p => (Key: p.Key(), Score: scores[p]))
            .Append((Key: PillarScoreRollup.Overall, Score: scores.Overall))
            .Where(p => p.Score.HasValue)
            .Select(p => new MetricPoint(scope, id, name, p.Key, p.Score!.Value));

    private static IEnumerable<MetricPoint> FindingPoints(string scope, string id, string name, IReadOnlyDictionary<Severity, int> counts) =>
        Enum.GetValues<Severity>().Select(s => new MetricPoint(scope, id, name, s.ToString().ToLowerInvariant(), counts.GetValueOrDefault(s)));
}
