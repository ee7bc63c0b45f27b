using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Fleet;

/// <summary>A remembered team trend is reused while its clusters and runs stay the same, and never once either changes.</summary>
public sealed class AggregatedTrendsTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private static readonly PortalUser Admin = TestUsers.With(PortalRoles.Admin);

    [Fact]
    public async Task GetAsync_SameClustersAndRuns_ReusesTheTrend()
    {
        var memo = new AggregatedTrends();
        await using var db = await portal.CreateDbAsync();
        var (selection, from, to) = await TeamWebAsync(db);

        var first = await memo.GetAsync(db, selection, from, to, "week", CancellationToken.None);
        var second = await memo.GetAsync(db, selection, from, to, "week", CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task GetAsync_ClusterLeavesTheTeam_AggregatesAgainWithoutIt()
    {
        var memo = new AggregatedTrends();
        await using var db = await portal.CreateDbAsync();
        var (selection, from, to) = await TeamWebAsync(db);
        var before = await memo.GetAsync(db, selection, from, to, "week", CancellationToken.None);

        // Retag one of the team's clusters: the same selection now holds one cluster fewer.
        var leaving = await selection.Clusters(db).Where(c => c.GoneAt == null).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE clusters SET tags = tags || '{{\"team\": \"elsewhere\"}}'::jsonb WHERE id = {leaving}");
        var after = await memo.GetAsync(db, selection, from, to, "week", CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(before.Values.Single().Clusters - 1, after.Values.Single().Clusters);
        Assert.Equal(
            (await GroupScores.TrendAsync(db, selection, from, to, "week", CancellationToken.None)).Values.Single().Clusters,
            after.Values.Single().Clusters);
    }

    [Fact]
    public async Task GetAsync_RunLeavesTheWindow_AggregatesAgain()
    {
        var memo = new AggregatedTrends();
        await using var db = await portal.CreateDbAsync();
        var (selection, from, to) = await TeamWebAsync(db);
        var withRun = await memo.GetAsync(db, selection, from, to, "week", CancellationToken.None);

        var firstRunFinished = await db.AssessmentRuns.Where(r => r.FinishedAt != null).MinAsync(r => r.FinishedAt!.Value);
        var withoutRun = await memo.GetAsync(db, selection, from, firstRunFinished.AddTicks(-10), "week", CancellationToken.None);

        Assert.NotEmpty(withRun);
        Assert.Empty(withoutRun);
    }

    private async Task<(ClusterSelection Selection, DateTimeOffset From, DateTimeOffset To)> TeamWebAsync(Data.AppDbContext db)
    {
        await portal.SampleFleetLoadedAsync();
        var team = await db.Teams.SingleAsync(t => t.Name == "Web");
        var selection = await ClusterSelection.ForAsync(db, Admin, new ClusterFilter(TeamId: team.Id), CancellationToken.None);
        var now = DateTimeOffset.UtcNow.AddDays(1);
        return (selection, now.AddDays(-90), now);
    }
}
