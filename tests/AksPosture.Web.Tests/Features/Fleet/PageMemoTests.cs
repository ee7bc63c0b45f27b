using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scorecard;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AksPosture.Web.Tests.Features.Fleet;

/// <summary>
/// The overview is read once while nothing it is made of changes, and read again as soon as something does: a cluster's
/// tags, a cluster gone, a team's definition, a subscription's name.
/// </summary>
public sealed class PageMemoTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private static readonly PortalUser Admin = TestUsers.With(PortalRoles.Admin);

    [Fact]
    public async Task GetOverview_NothingChanged_ReusesTheOverview()
    {
        var filter = await TeamWebAsync();

        var first = await OverviewAsync(filter);
        var second = await OverviewAsync(filter);

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("UPDATE clusters SET tags = tags || jsonb_build_object('team', 'elsewhere') WHERE id = @cluster", -1)]
    [InlineData("UPDATE clusters SET gone_at = now() WHERE id = @cluster", -1)]
    [InlineData("UPDATE clusters SET tags = tags - 'team' WHERE id = @cluster", -1)]
    [InlineData("UPDATE teams SET updated_at = now() WHERE name = 'Web'", 0)]
    [InlineData("UPDATE subscriptions SET display_name = display_name || ' (renamed)'", 0)]
    public async Task GetOverview_SomethingChanged_ReadsAgain(string change, int clusterDelta)
    {
        var filter = await TeamWebAsync();
        var before = await OverviewAsync(filter);

        await ChangeAsync(filter, change);

        var after = await OverviewAsync(filter);

        Assert.NotSame(before, after);
        Assert.Equal(before.Clusters + clusterDelta, after.Clusters);
    }

    [Fact]
    public async Task GetScorecard_ReusedUntilATeamClusterIsRetagged()
    {
        var filter = await TeamWebAsync();

        var first = await ScorecardAsync(filter.TeamId!.Value);
        var second = await ScorecardAsync(filter.TeamId!.Value);
        await ChangeAsync(filter, "UPDATE clusters SET tags = tags - 'team' WHERE id = @cluster");

        var third = await ScorecardAsync(filter.TeamId!.Value);

        Assert.Same(first.TopRisks, second.TopRisks);
        Assert.NotSame(second.TopRisks, third.TopRisks);
        Assert.Equal(second.Clusters - 1, third.Clusters);
    }

    // Runs the SQL with @cluster standing for the first of the team's assessed clusters by name.
    private async Task ChangeAsync(ClusterFilter filter, string sql)
    {
        await using var db = await portal.CreateDbAsync();
        var selection = await ClusterSelection.ForAsync(db, Admin, filter, CancellationToken.None);
        var cluster = await selection.Clusters(db).Where(c => c.GoneAt == null && c.LatestRunId != null).OrderBy(c => c.Name).Select(c => c.Id).FirstAsync();
        await db.Database.ExecuteSqlRawAsync(sql.Replace("@cluster", $"'{cluster}'", StringComparison.Ordinal));
    }

    private async Task<ScorecardView> ScorecardAsync(Guid teamId)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ScorecardQueries>().GetAsync(Admin, teamId, [], CancellationToken.None))!;
    }

    private async Task<ClusterFilter> TeamWebAsync()
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var web = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == "Web");
        return new ClusterFilter(TeamId: web.Id);
    }

    private async Task<FleetOverview> OverviewAsync(ClusterFilter filter)
    {
        using var scope = portal.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FleetQueries>().GetOverviewAsync(Admin, filter, CancellationToken.None);
    }
}
