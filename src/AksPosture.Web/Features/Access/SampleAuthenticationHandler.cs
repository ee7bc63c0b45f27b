using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Features.Access;

/// <summary>
/// Signs every request in as a sample user (the one named by <see cref="SampleUsers.CookieName"/>, else the
/// administrator). Registered only in the open sample mode.
/// </summary>
public sealed class SampleAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Sample";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = SampleUsers.Find(Request.Cookies[SampleUsers.CookieName]) ?? SampleUsers.Default;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName)));
    }
}
