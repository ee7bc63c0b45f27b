using System.Security.Claims;

namespace AksPosture.Web.Features.Access;

/// <summary>
/// Invented people for the open sample mode (Development without Entra ID), one per role, so every workflow — such as
/// one person requesting an exception and another approving it — can be tried without a tenant.
/// </summary>
public static class SampleUsers
{
    /// <summary>The cookie naming which sample user the browser acts as.</summary>
    public const string CookieName = "aksposture-sample-user";

    /// <summary>
    /// The Entra group id of the sample Payments team. The sample Reader, Contributor and Approver belong to it, so each
    /// sees the Payments clusters and can request, approve and attest on them; the Admin sees every cluster anyway.
    /// </summary>
    public const string PaymentsGroupId = "5a4d6f52-0000-4000-8000-000000000001";

    public static IReadOnlyList<SampleUser> All { get; } =
    [
        new("alex", "Alex Admin (sample)", PortalRoles.Admin, []),
        new("avery", "Avery Approver (sample)", PortalRoles.Approver, [PaymentsGroupId]),
        new("casey", "Casey Contributor (sample)", PortalRoles.Contributor, [PaymentsGroupId]),
        new("riley", "Riley Reader (sample, Payments team)", PortalRoles.Reader, [PaymentsGroupId]),
    ];

    /// <summary>Who a browser without a choice acts as: the administrator, so the sample opens on the whole fleet.</summary>
    public static SampleUser Default => All[0];

    public static SampleUser? Find(string? id) => All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));
}

public sealed record SampleUser(string Id, string Name, string Role, IReadOnlyList<string> GroupIds)
{
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim> { new("oid", $"sample-{Id}"), new("name", Name), new("roles", Role) };
        claims.AddRange(GroupIds.Select(g => new Claim("groups", g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, "name", "roles"));
    }
}
