using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Authentication;

namespace AksPosture.Web.Hosting;

public static class AccessExtensions
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SampleAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SampleAuthenticationHandler>(SampleAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Read, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Reader)))
            .AddPolicy(PortalPolicies.Contribute, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Contributor)))
            .AddPolicy(PortalPolicies.Approve, p => p.RequireRole(PortalRoles.AtLeast(PortalRoles.Approver)))
            .AddPolicy(PortalPolicies.Administer, p => p.RequireRole(PortalRoles.Admin));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Lets a browser in the open sample mode act as another sample user: <c>/sample/act-as/{id}</c>.</summary>
    public static WebApplication MapSampleUserSwitch(this WebApplication app)
    {
        app.MapGet("/sample/act-as/{id}", (string id, string? returnUrl, HttpContext context) =>
        {
            if (SampleUsers.Find(id) is not { } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sample user",
                    detail: $"'{id}' is not one of {string.Join(", ", SampleUsers.All.Select(u => u.Id))}.");
            }

            context.Response.Cookies.Append(SampleUsers.CookieName, user.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? url : "/");
        }).ExcludeFromDescription();
        return app;
    }
}
