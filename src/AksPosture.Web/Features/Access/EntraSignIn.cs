using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AksPosture.Web.Features.Access;

/// <summary>
/// One Entra ID app registration for both doors: OpenID Connect sign-in with a session cookie for the pages, and JWT
/// bearer tokens for the API. A policy scheme picks the door per request.
/// </summary>
public static class EntraSignIn
{
    /// <summary>The default scheme: forwards to the bearer or the cookie scheme, see <see cref="SchemeFor"/>.</summary>
    public const string PortalScheme = "Portal";

    public const string SessionCookieName = "aksposture-session";

    public static void AddEntraSignIn(this IServiceCollection services, IConfigurationSection entra)
    {
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = PortalScheme;
            options.DefaultChallengeScheme = PortalScheme;
            options.DefaultForbidScheme = PortalScheme;
        });
        authentication.AddPolicyScheme(PortalScheme, "Entra ID", options => options.ForwardDefaultSelector = SchemeFor);

        var webApp = authentication.AddMicrosoftIdentityWebApp(entra, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
        if (AccessMode.HasClientCredentials(entra))
        {
            // ASP.NET Core redeems the sign-in code with a client secret only; certificates and managed identities need MSAL.
            webApp.EnableTokenAcquisitionToCallDownstreamApi().AddInMemoryTokenCaches();
        }

        authentication.AddMicrosoftIdentityWebApi(entra, JwtBearerDefaults.AuthenticationScheme);

        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            // The authorization code flow (with PKCE), redeemed with the app's credential: no ID token travels through the browser.
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            UseTokenClaimTypes(options.TokenValidationParameters);
        });
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.MapInboundClaims = false;
            UseTokenClaimTypes(options.TokenValidationParameters);
        });
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureSessionCookie);
    }

    /// <summary>
    /// A bearer token wins when sent. Changes through the API need one: the session cookie a browser sends by itself
    /// (also on requests another site makes it send) then cannot change anything. Everything else uses the cookie.
    /// </summary>
    internal static string SchemeFor(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        var safe = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        return IsApi(request) && !safe ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    // Claims as Entra ID writes them ("roles", "groups", "oid", "name"), so pages and API see the same principal.
    private static void UseTokenClaimTypes(TokenValidationParameters parameters)
    {
        parameters.NameClaimType = "name";
        parameters.RoleClaimType = "roles";
    }

    private static void ConfigureSessionCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = SessionCookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.LoginPath = AccountEndpoints.SignInPath;
        options.AccessDeniedPath = AccountEndpoints.AccessDeniedPath;
        options.ReturnUrlParameter = "returnUrl";

        // A person in a browser is sent to sign in or to the "not allowed" page; scripts and API clients get the status code.
        options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var browserNavigation = HttpMethods.IsGet(request.Method) && !IsApi(request) && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (browserNavigation)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
