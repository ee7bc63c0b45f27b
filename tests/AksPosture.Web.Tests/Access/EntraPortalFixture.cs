using System.Net.Http.Headers;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// A portal in Production that signs in with Entra ID — the test identity provider — with the sample fleet and its
/// teams loaded, for tests that need real tokens.
/// </summary>
public class EntraPortalFixture : PortalFixture
{
    public static readonly TestUser Admin = new("admin-oid", "Ada Admin", [PortalRoles.Admin], []);
    public static readonly TestUser Approver = new("approver-oid", "Abe Approver", [PortalRoles.Approver], []);
    public static readonly TestUser PaymentsContributor = new("payments-contributor-oid", "Pat Contributor", [PortalRoles.Contributor], [SampleUsers.PaymentsGroupId]);
    public static readonly TestUser PaymentsReader = new("payments-reader-oid", "Pia Reader", [PortalRoles.Reader], [SampleUsers.PaymentsGroupId]);
    public static readonly TestUser OrdersReader = new("orders-reader-oid", "Otto Reader", [PortalRoles.Reader], [OrdersGroupId]);

    /// <summary>Signed in, but assigned no app role: the token carries only a delegated scope.</summary>
    public static readonly TestUser NoRole = new("no-role-oid", "Nora Nobody", [], []);

    /// <summary>The sample Orders team's group (SampleTeams).</summary>
    public const string OrdersGroupId = "5a4d6f52-0000-4000-8000-000000000002";

    public TestIdentityProvider Provider => TestIdentityProvider.Shared;

    protected override bool SampleFleet => true;

    protected override bool Worker => true;

    protected override string? EnvironmentName => "Production";

    protected override IReadOnlyDictionary<string, string?>? Settings => TestIdentityProvider.Settings;

    /// <summary>A client on https://localhost (session cookies are Secure) that follows no redirects, sending <paramref name="user"/>'s token if given.</summary>
    public HttpClient ClientAs(TestUser? user)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Provider.AccessToken(user));
        }

        return client;
    }

    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = TestIdentityProvider.Shared);
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = TestIdentityProvider.Shared);
        services.AddHttpClient(TestIdentityProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => TestIdentityProvider.Shared)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.Configure<AadIssuerValidatorOptions>(o => o.HttpClientName = TestIdentityProvider.HttpClientName);
    }
}

/// <summary>The Entra ID portal without the sample fleet or workers, for tests that bring their own data.</summary>
public sealed class EmptyEntraPortalFixture : EntraPortalFixture
{
    protected override bool SampleFleet => false;

    protected override bool Worker => false;
}
