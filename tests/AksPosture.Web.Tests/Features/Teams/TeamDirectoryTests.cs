using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Teams;

public sealed class TeamDirectoryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly PortalUser Actor = new("admin-1", "Ada Admin", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());

    [Fact]
    public async Task SaveAndDelete_RecordsEachChangeInTheAuditLog()
    {
        var directory = portal.Service<ITeamDirectory>();

        var created = await directory.SaveAsync(null, new TeamDraft { Name = "Audited", Tag = "team=audited" }, Actor, CancellationToken.None);
        var id = created.Team!.Id;
        var updated = await directory.SaveAsync(id, new TeamDraft { Name = "Audited", Tag = "team=audited", Description = "now described" }, Actor, CancellationToken.None);
        var deleted = await directory.DeleteAsync(id, Actor, CancellationToken.None);

        Assert.Empty(updated.Errors);
        Assert.True(deleted);
        Assert.Null(await directory.GetAsync(id, CancellationToken.None));
        await using var db = await portal.CreateDbAsync();
        var entries = await db.AuditLog.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["team.create", "team.update", "team.delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("admin-1", "team"), (e.ActorId, e.EntityType)));
        Assert.Null(entries[0].Before);
        Assert.Contains("now described", entries[1].After);
        Assert.Null(entries[2].After);
    }

    [Fact]
    public async Task Save_NameInUseOrInvalidDraft_SavesNothingAndSaysWhy()
    {
        var directory = portal.Service<ITeamDirectory>();
        await directory.SaveAsync(null, new TeamDraft { Name = "Taken", SubscriptionIds = "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11" }, Actor, CancellationToken.None);

        var duplicate = await directory.SaveAsync(null, new TeamDraft { Name = "Taken", Tag = "a=b" }, Actor, CancellationToken.None);
        var invalid = await directory.SaveAsync(null, new TeamDraft { Name = "No clusters" }, Actor, CancellationToken.None);

        Assert.Null(duplicate.Team);
        Assert.Equal(["A team named 'Taken' exists already; choose another name."], duplicate.Errors);
        Assert.Null(invalid.Team);
        Assert.NotEmpty(invalid.Errors);
        var names = (await directory.ListAsync(CancellationToken.None)).Select(t => t.Name).ToList();
        Assert.Single(names, n => n == "Taken");
        Assert.DoesNotContain("No clusters", names);
    }
}
