using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Features.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace AksPosture.Web.Hosting;

public static class AccessExtensions
{
    /// <summary>Entra ID sign-in, or the sample mode in Development without it; every endpoint needs a signed-in user unless it says otherwise.</summary>
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var mode = AccessMode.Resolve(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(mode);
        if (mode.IsSample)
        {
            builder.Services.AddAuthentication(SampleAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, SampleAuthenticationHandler>(SampleAuthenticationHandler.SchemeName, null);
        }
        else
        {
            builder.Services.AddEntraSignIn(builder.Configuration.GetSection(AccessMode.EntraSectionName));
        }

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PortalPolicies.Read, p => RequireAtLeast(p, PortalRoles.Reader))
            .AddPolicy(PortalPolicies.Contribute, p => RequireAtLeast(p, PortalRoles.Contributor))
            .AddPolicy(PortalPolicies.Approve, p => RequireAtLeast(p, PortalRoles.Approver))
            .AddPolicy(PortalPolicies.Administer, p => RequireAtLeast(p, PortalRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton<TeamAccess>();
        builder.Services.AddSingleton<TeamService>();
        builder.Services.AddSingleton<AuditQueries>();
        return builder;
    }

    // Read the roles the way PortalUser does (the "roles" claims of the token or the sample user), so a policy and
    // the code behind it can never disagree about who holds a role.
    private static void RequireAtLeast(AuthorizationPolicyBuilder policy, string role) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => PortalUser.FromPrincipal(context.User).HasAtLeast(role));

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();

        // After authentication, so API limits count per user rather than per address.
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Sign-in and sign-out with Entra ID, or switching sample user in the sample mode.</summary>
    public static WebApplication MapAccess(this WebApplication app)
    {
        if (app.Services.GetRequiredService<AccessMode>().IsSample)
        {
            app.MapSampleUserSwitch();
        }
        else
        {
            app.MapAccountEndpoints();
        }

        return app;
    }

    /// <summary>Lets a browser in the open sample mode act as another sample user: <c>/sample/act-as/{id}</c>.</summary>
    private static void MapSampleUserSwitch(this WebApplication app)
    {
        app.MapGet("/sample/act-as/{id}", (string id, string? returnUrl, HttpContext context) =>
        {
            if (SampleUsers.Find(id) is not { } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sample user",
                    detail: $"'{id}' is not one of {string.Join(", ", SampleUsers.All.Select(u => u.Id))}.");
            }

            context.Response.Cookies.Append(SampleUsers.CookieName, user.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        }).ExcludeFromDescription().AllowAnonymous();
    }
}
