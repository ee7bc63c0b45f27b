using AksPosture.Web.Features.Access;

namespace AksPosture.Web.Features.Teams;

/// <summary>The outcome of saving a team: the saved team, or what to fix.</summary>
public sealed record TeamSaveResult(Team? Team, IReadOnlyList<string> Errors);

/// <summary>Reads and changes teams; every change is audited.</summary>
public interface ITeamDirectory
{
    Task<IReadOnlyList<Team>> ListAsync(CancellationToken cancellationToken);

    Task<Team?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Creates a team (<paramref name="id"/> null) or updates one.</summary>
    Task<TeamSaveResult> SaveAsync(Guid? id, TeamDraft draft, PortalUser actor, CancellationToken cancellationToken);

    /// <summary>False when there is no such team.</summary>
    Task<bool> DeleteAsync(Guid id, PortalUser actor, CancellationToken cancellationToken);
}
