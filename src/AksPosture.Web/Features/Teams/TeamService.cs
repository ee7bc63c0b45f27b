using System.Diagnostics.CodeAnalysis;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Teams;

/// <summary>Body of POST and PUT /api/v1/teams. A team owns the clusters of its subscriptions and those with its tag.</summary>
public sealed record TeamRequest(
    string? Name,
    string? Description = null,
    IReadOnlyList<string>? SubscriptionIds = null,
    string? TagKey = null,
    string? TagValue = null,
    IReadOnlyList<string>? EntraGroupIds = null);

public sealed record TeamView(
    Guid Id, string Name, string Description, IReadOnlyList<string> SubscriptionIds, string? TagKey, string? TagValue,
    IReadOnlyList<string> EntraGroupIds, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A team, or what is wrong with the request (field → messages); both null when there is no such team.</summary>
public sealed record TeamResult(TeamView? Team, Dictionary<string, string[]>? Errors);

/// <summary>
/// Teams for the API and the Teams page: validated, normalised (lower-case GUIDs and tag name, as team scoping
/// compares them) and stored, with every change recorded in the audit log in the same transaction.
/// </summary>
public sealed class TeamService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public const string AuditEntityType = "team";

    public async Task<IReadOnlyList<TeamView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return teams.Select(ToView).ToList();
    }

    public async Task<TeamView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } team ? ToView(team) : null;
    }

    public async Task<TeamResult> CreateAsync(PortalUser actor, TeamRequest request, CancellationToken cancellationToken)
    {
        if (!TeamRequestRules.TryNormalise(request, out var valid, out var errors))
        {
            return new TeamResult(null, errors);
        }

        var now = time.GetUtcNow();
        var team = new Team { Id = Guid.CreateVersion7(now), Name = valid.Name, CreatedAt = now, UpdatedAt = now };
        valid.ApplyTo(team);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Teams.Add(team);
        AuditLog.Record(db, actor, now, "team.create", AuditEntityType, team.Id.ToString(), null, Settings(team));
        return await SaveAsync(db, team, cancellationToken);
    }

    public async Task<TeamResult> UpdateAsync(PortalUser actor, Guid id, TeamRequest request, CancellationToken cancellationToken)
    {
        if (!TeamRequestRules.TryNormalise(request, out var valid, out var errors))
        {
            return new TeamResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return new TeamResult(null, null);
        }

        var before = Settings(team);
        valid.ApplyTo(team);
        team.UpdatedAt = time.GetUtcNow();
        AuditLog.Record(db, actor, team.UpdatedAt, "team.update", AuditEntityType, id.ToString(), before, Settings(team));
        return await SaveAsync(db, team, cancellationToken);
    }

    public async Task<bool> DeleteAsync(PortalUser actor, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return false;
        }

        db.Teams.Remove(team);
        AuditLog.Record(db, actor, time.GetUtcNow(), "team.delete", AuditEntityType, id.ToString(), Settings(team), null);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<TeamResult> SaveAsync(AppDbContext db, Team team, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new TeamResult(ToView(team), null);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new TeamResult(null, new() { ["name"] = [$"A team named '{team.Name}' already exists; choose another name."] });
        }
    }

    private static object Settings(Team t) => new { t.Name, t.Description, t.SubscriptionIds, t.TagKey, t.TagValue, t.EntraGroupIds };

    private static TeamView ToView(Team t) =>
        new(t.Id, t.Name, t.Description, t.SubscriptionIds, t.TagKey, t.TagValue, t.EntraGroupIds, t.CreatedAt, t.UpdatedAt);
}

/// <summary>A team request that passed validation, in the form it is stored.</summary>
internal sealed record ValidTeam(string Name, string Description, List<string> SubscriptionIds, string? TagKey, string? TagValue, List<string> EntraGroupIds)
{
    public void ApplyTo(Team team)
    {
        team.Name = Name;
        team.Description = Description;
        team.SubscriptionIds = SubscriptionIds;
        team.TagKey = TagKey;
        team.TagValue = TagValue;
        team.EntraGroupIds = EntraGroupIds;
    }
}

internal static class TeamRequestRules
{
    public static bool TryNormalise(
        TeamRequest request, [NotNullWhen(true)] out ValidTeam? valid, [NotNullWhen(false)] out Dictionary<string, string[]>? errors)
    {
        var problems = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 128)
        {
            problems["name"] = ["Give the team a name of 1 to 128 characters, e.g. 'Payments'."];
        }

        var description = request.Description?.Trim() ?? "";
        if (description.Length > 1024)
        {
            problems["description"] = ["Keep the description to 1024 characters."];
        }

        var subscriptions = Guids(request.SubscriptionIds, "subscriptionIds", "subscription", problems);
        var groups = Guids(request.EntraGroupIds, "entraGroupIds", "Entra ID group object", problems);
        var tagKey = string.IsNullOrWhiteSpace(request.TagKey) ? null : request.TagKey.Trim().ToLowerInvariant();
        var tagValue = string.IsNullOrWhiteSpace(request.TagValue) ? null : request.TagValue.Trim();
        if ((tagKey is null) != (tagValue is null))
        {
            problems["tagKey"] = ["Give both tagKey and tagValue (a cluster with that tag belongs to the team), or neither."];
        }
        else if (tagKey?.Length > 512 || tagValue?.Length > 256)
        {
            problems["tagKey"] = ["Azure allows tag names of up to 512 and values of up to 256 characters."];
        }
        else if (tagKey is null && subscriptions.Count == 0 && !problems.ContainsKey("subscriptionIds"))
        {
            problems["subscriptionIds"] = ["A team owns the clusters of its subscriptions or those with its tag: give at least one subscription id or a tag."];
        }

        valid = problems.Count == 0 ? new ValidTeam(name, description, subscriptions, tagKey, tagValue, groups) : null;
        errors = valid is null ? problems : null;
        return valid is not null;
    }

    // Entra ID and Azure write these ids as lower-case GUIDs; stored so, they compare as written in tokens and ARM ids.
    private static List<string> Guids(IReadOnlyList<string>? values, string field, string what, Dictionary<string, string[]> problems)
    {
        var bad = (values ?? []).Where(v => !Guid.TryParse(v, out _)).ToList();
        if (bad.Count > 0)
        {
            problems[field] = [$"These are not {what} ids (GUIDs): {string.Join(", ", bad.Select(b => $"'{b}'"))}."];
        }

        return (values ?? []).Where(v => Guid.TryParse(v, out _)).Select(v => Guid.Parse(v).ToString("D")).Distinct().ToList();
    }
}
