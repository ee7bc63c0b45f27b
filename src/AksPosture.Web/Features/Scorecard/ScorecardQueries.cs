using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Scorecard;

/// <summary>One page for a manager: a team's or a set of subscriptions' posture, its quarter, its risks and its progress.</summary>
public sealed record ScorecardView(
    string Title,
    string ScopeDescription,
    PillarScores Scores,
    int Clusters,
    bool HasSampleClusters,
    IReadOnlyList<ScorePoint> Trend,
    IReadOnlyList<RuleFailureRow> TopRisks,
    RemediationProgress Progress,
    DateTimeOffset GeneratedAt);

public sealed class ScorecardQueries(
    IDbContextFactory<AppDbContext> dbFactory, TrendQueries trends, AggregatedTrends aggregated, PageMemo memo, TimeProvider time)
{
    public const int TrendWeeks = 13;

    public const int RiskCount = 5;

    /// <summary>The start of the calendar quarter holding <paramref name="now"/>, in UTC: what "this quarter" counts from.</summary>
    public static DateTimeOffset QuarterStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Year, ((utc.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Null when the team does not exist.</summary>
    public async Task<ScorecardView?> GetAsync(PortalUser user, Guid? teamId, IReadOnlyList<string> subscriptionIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (title, description) = await DescribeAsync(db, teamId, subscriptionIds, cancellationToken);
        if (title is null)
        {
            return null;
        }

        var filter = new ClusterFilter(TeamId: teamId, SubscriptionIds: subscriptionIds.Count > 0 ? subscriptionIds : null);
        var selected = await SelectedClusters.ForAsync(db, user, filter, cancellationToken);
        var now = time.GetUtcNow();
        // The title names the team or subscriptions asked for; the quarter bounds the progress counts.
        var key = $"scorecard/{teamId}/{string.Join(',', subscriptionIds)}/{QuarterStart(now):O}/" +
                  await PageMemo.StampAsync(db, selected, TrendFrom(now), now, cancellationToken);
        // A remembered scorecard is as current as a fresh one: it is stamped with the time it is shown.
        return (await memo.GetAsync(key, () => ReadAsync(db, selected, title, description, now, cancellationToken))) with { GeneratedAt = now };
    }

    private async Task<ScorecardView> ReadAsync(
        AppDbContext db, SelectedClusters selected, string title, string description, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The quarter's trend reads every week's roll-ups of the selected clusters: it gets a connection of its own, so
        // the database works on it while this one reads the scores, risks and progress.
        var trend = TrendAsync(selected, now, cancellationToken);
        var scores = await selected.ScoresAsync(db, cancellationToken);
        var risks = FindingCounts.TopRisks(await FindingCounts.RulesAsync(db, selected.Selection, cancellationToken), RiskCount);
        var progress = await FindingCounts.ProgressAsync(db, selected.Selection, QuarterStart(now), cancellationToken);
        var hasSample = await selected.Selection.Clusters(db).AnyAsync(c => c.IsSample && c.GoneAt == null, cancellationToken);
        return new ScorecardView(title, description, scores.Scores, scores.Clusters, hasSample, await trend, risks, progress, now);
    }

    private async Task<IReadOnlyList<ScorePoint>> TrendAsync(SelectedClusters selected, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await selected.TrendAsync(db, trends, aggregated, TrendFrom(now), now, TrendInterval.Week, cancellationToken);
    }

    private static DateTimeOffset TrendFrom(DateTimeOffset now) => now.AddDays(-7 * TrendWeeks);

    private static async Task<(string? Title, string Description)> DescribeAsync(
        AppDbContext db, Guid? teamId, IReadOnlyList<string> subscriptionIds, CancellationToken cancellationToken)
    {
        if (teamId is { } id)
        {
            var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            return team is null ? (null, "") : ($"{team.Name} team", team.Description);
        }

        if (subscriptionIds.Count == 0)
        {
            return ("Fleet", "Every cluster you may see.");
        }

        var names = await db.Subscriptions.AsNoTracking().Where(s => subscriptionIds.Contains(s.SubscriptionId))
            .OrderBy(s => s.DisplayName).Select(s => s.DisplayName).ToListAsync(cancellationToken);
        return (string.Join(", ", names.DefaultIfEmpty("Unknown subscriptions")), $"{subscriptionIds.Count} subscription(s)");
    }
}
