using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace AksPosture.Web.Features.Governance;

/// <summary>The person a component acts for, from the cascading authentication state.</summary>
public static class CurrentUser
{
    private static readonly PortalUser Nobody = new("anonymous", "anonymous", new HashSet<string>(), new HashSet<string>());

    /// <summary>Without an authentication state (a component rendered on its own), nobody: no roles and no teams.</summary>
    public static async Task<PortalUser> FromAsync(Task<AuthenticationState>? state) =>
        state is null ? Nobody : PortalUser.FromPrincipal((await state).User);
}
