using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

public sealed record TeamOption(Guid Id, string Name);

/// <summary>The teams a user may pick in filters and reports: every team for an administrator, else the teams of their groups.</summary>
public static class VisibleTeams
{
    public static async Task<List<TeamOption>> ListAsync(AppDbContext db, PortalUser user, CancellationToken cancellationToken)
    {
        var groups = user.GroupIds.ToArray();
        var teams = db.Teams.AsNoTracking();
        if (!user.IsAdmin)
        {
            teams = teams.Where(t => t.EntraGroupIds.Any(g => groups.Contains(g)));
        }

        return await teams.OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(cancellationToken);
    }
}
