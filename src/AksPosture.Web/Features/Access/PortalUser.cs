using System.Security.Claims;

namespace AksPosture.Web.Features.Access;

/// <summary>
/// Who is acting, as the portal needs it: a stable id for audit and ownership, a name people read, app roles, and the
/// Entra group ids that map the user to teams.
/// </summary>
public sealed record PortalUser(string Id, string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> GroupIds)
{
    // Entra ID puts the object id in "oid" (or the long claim type when inbound claims are mapped).
    private static readonly string[] IdClaimTypes = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier];
    private static readonly string[] NameClaimTypes = ["name", ClaimTypes.Name, "preferred_username", ClaimTypes.Email];
    private static readonly string[] RoleClaimTypes = ["roles", ClaimTypes.Role];
    private static readonly string[] GroupClaimTypes = ["groups"];

    /// <summary>Work done by the portal itself (schedules, expiry of exceptions), not by a person.</summary>
    public static PortalUser System { get; } = new("system", "AksPosture", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());

    public bool IsAdmin => Roles.Contains(PortalRoles.Admin);

    /// <summary>Whether the user holds <paramref name="role"/> or a role above it.</summary>
    public bool HasAtLeast(string role) => PortalRoles.AtLeast(role).Any(Roles.Contains);

    public static PortalUser FromPrincipal(ClaimsPrincipal principal)
    {
        var id = First(principal, IdClaimTypes) ?? "anonymous";
        var name = First(principal, NameClaimTypes) ?? id;
        return new PortalUser(id, name, All(principal, RoleClaimTypes), All(principal, GroupClaimTypes));
    }

    private static string? First(ClaimsPrincipal principal, string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static HashSet<string> All(ClaimsPrincipal principal, string[] types) =>
        principal.Claims.Where(c => types.Contains(c.Type)).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
