using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Teams;

/// <summary>Teams in the portal's database; each change and its audit entry commit together.</summary>
public sealed class EfTeamDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : ITeamDirectory
{
    public async Task<IReadOnlyList<Team>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<Team?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<TeamSaveResult> SaveAsync(Guid? id, TeamDraft draft, PortalUser actor, CancellationToken cancellationToken)
    {
        if (draft.Validate() is { Count: > 0 } errors)
        {
            return new TeamSaveResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = draft.Name.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            return new TeamSaveResult(null, [$"A team named '{name}' exists already; choose another name."]);
        }

        var now = time.GetUtcNow();
        var team = id is { } existing ? await db.Teams.FirstOrDefaultAsync(t => t.Id == existing, cancellationToken) : null;
        if (id is not null && team is null)
        {
            return new TeamSaveResult(null, ["The team was deleted meanwhile; reload the list."]);
        }

        var before = team is null ? null : Snapshot(team);
        if (team is null)
        {
            team = new Team { Id = Guid.CreateVersion7(now), Name = name, CreatedAt = now };
            db.Teams.Add(team);
        }

        draft.ApplyTo(team);
        team.UpdatedAt = now;
        AuditLog.Record(db, actor, now, before is null ? "team.create" : "team.update", "team", team.Id.ToString(), before, Snapshot(team));
        await db.SaveChangesAsync(cancellationToken);
        return new TeamSaveResult(team, []);
    }

    public async Task<bool> DeleteAsync(Guid id, PortalUser actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return false;
        }

        db.Teams.Remove(team);
        AuditLog.Record(db, actor, time.GetUtcNow(), "team.delete", "team", id.ToString(), Snapshot(team), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static object Snapshot(Team team) =>
        new { team.Name, team.Description, team.SubscriptionIds, team.TagKey, team.TagValue, team.EntraGroupIds };
}
