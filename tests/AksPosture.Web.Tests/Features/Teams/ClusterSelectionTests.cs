using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Teams;

public sealed class ClusterSelectionTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>
{
    private const string Production = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11";

    [Fact]
    public async Task ForAsync_Admin_SeesEveryCluster()
    {
        var names = await ClusterNamesAsync(User(PortalRoles.Admin), ClusterFilter.None);

        Assert.Equal(24, names.Count);
    }

    [Fact]
    public async Task ForAsync_ReaderInPaymentsGroup_SeesOnlyClustersTaggedPayments()
    {
        var names = await ClusterNamesAsync(User(PortalRoles.Reader, SampleUsers.PaymentsGroupId), ClusterFilter.None);
        var tagged = await ClusterNamesWhereAsync(c => c.Tags.Any(t => t.Key.ToLower() == "team" && t.Value == "payments"));

        Assert.Equal(5, names.Count);
        Assert.Equal(tagged, names);
    }

    [Fact]
    public async Task ForAsync_UserWithoutTeams_SeesNothing()
    {
        var names = await ClusterNamesAsync(User(PortalRoles.Approver, "not-a-team-group"), ClusterFilter.None);

        Assert.Empty(names);
    }

    [Fact]
    public async Task ForAsync_SubscriptionAndTagFilters_Combine()
    {
        var filter = new ClusterFilter(SubscriptionId: Production.ToUpperInvariant(), TagKey: "TEAM", TagValue: "payments");

        var names = await ClusterNamesAsync(User(PortalRoles.Admin), filter);
        var expected = await ClusterNamesWhereAsync(c => c.SubscriptionId == Production && c.Tags.Any(t => t.Key.ToLower() == "team" && t.Value == "payments"));

        Assert.NotEmpty(names);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task ForAsync_TeamFilterOfAnotherTeam_IntersectsWithTheUsersTeams()
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var orders = await db.Teams.SingleAsync(t => t.Name == "Orders");

        var asPaymentsReader = await ClusterNamesAsync(User(PortalRoles.Reader, SampleUsers.PaymentsGroupId), new ClusterFilter(TeamId: orders.Id));
        var asAdmin = await ClusterNamesAsync(User(PortalRoles.Admin), new ClusterFilter(TeamId: orders.Id));

        Assert.Empty(asPaymentsReader);
        Assert.Equal(5, asAdmin.Count);
    }

    private static PortalUser User(string role, params string[] groups) =>
        new("test-user", "Test User", new HashSet<string>([role]), new HashSet<string>(groups));

    private async Task<List<string>> ClusterNamesAsync(PortalUser user, ClusterFilter filter)
    {
        await portal.SampleFleetLoadedAsync();
        await using var db = await portal.CreateDbAsync();
        var selection = await ClusterSelection.ForAsync(db, user, filter, CancellationToken.None);
        return await selection.Clusters(db).Select(c => c.Name).OrderBy(n => n).ToListAsync();
    }

    private async Task<List<string>> ClusterNamesWhereAsync(Func<AksPosture.Web.Features.Fleet.Cluster, bool> predicate)
    {
        await using var db = await portal.CreateDbAsync();
        var clusters = await db.Clusters.AsNoTracking().ToListAsync();
        return clusters.Where(predicate).Select(c => c.Name).OrderBy(n => n).ToList();
    }
}
