using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Access;

/// <summary>Sign-in and sign-out of our own (Microsoft.Identity.Web.UI, which brings these, is not available here).</summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";
    public const string SignedOutPath = "/account/signed-out";
    public const string AccessDeniedPath = "/account/access-denied";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").ExcludeFromDescription();

        // Anyone may start signing in; Entra ID decides who gets through.
        group.MapGet("/sign-in", (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        group.MapPost("/sign-out", SignOutAsync).AllowAnonymous();
        return app;
    }

    // A form post with an antiforgery token, so another site cannot sign people out.
    private static async Task<Results<SignOutHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "The sign-out form has expired", detail: "Reload the page and choose Sign out again.");
        }

        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = SignedOutPath },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
    }
}

/// <summary>Keeps redirects after sign-in on this site: only a path of our own is followed.</summary>
public static class LocalUrl
{
    public static string OrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
