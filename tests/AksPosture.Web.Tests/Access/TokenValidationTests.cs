using System.Net;

namespace AksPosture.Web.Tests.Access;

/// <summary>Tokens go through Microsoft.Identity.Web's JWT validation against the test provider's metadata and keys.</summary>
public sealed class TokenValidationTests(EntraPortalFixture portal) : IClassFixture<EntraPortalFixture>
{
    private const string Url = "/api/v1/scores";

    [Fact]
    public async Task Api_TokenSignedByTheProvider_IsAccepted()
    {
        using var client = portal.ClientAs(EntraPortalFixture.PaymentsReader);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"/{TestIdentityProvider.TenantId}/discovery/v2.0/keys", portal.Provider.Requests);
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("issuer")]
    [InlineData("expired")]
    [InlineData("not-yet-valid")]
    [InlineData("another-tenant")]
    [InlineData("version-one-audience")]
    public async Task Api_TokenWithAWrongClaim_Returns401(string wrong)
    {
        var token = portal.Provider.AccessToken(EntraPortalFixture.Admin, claims =>
        {
            switch (wrong)
            {
                case "audience":
                    claims["aud"] = "api://some-other-application";
                    break;
                case "issuer":
                    claims["iss"] = $"https://login.evil.test/{TestIdentityProvider.TenantId}/v2.0";
                    break;
                case "expired":
                    claims["nbf"] = claims["iat"] = DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds();
                    claims["exp"] = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
                    break;
                case "not-yet-valid":
                    claims["nbf"] = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
                    claims["exp"] = DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeSeconds();
                    break;
                case "version-one-audience":
                    claims["aud"] = $"api://{TestIdentityProvider.ClientId}";
                    break;
                case "another-tenant":
                    // What Entra ID issues to a user of another organisation: issuer and tenant id of that directory.
                    claims["tid"] = "00000000-0000-0000-0000-000000000001";
                    claims["iss"] = $"{TestIdentityProvider.Instance}00000000-0000-0000-0000-000000000001/v2.0";
                    break;
            }
        });
        using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), token);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Api_UnsignedToken_Returns401()
    {
        using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), TestIdentityProvider.UnsignedAccessToken(EntraPortalFixture.Admin));

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_TokenSignedWithAnotherKeyOfTheSameId_Returns401()
    {
        using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), portal.Provider.AccessToken(EntraPortalFixture.Admin, strangerKey: true));

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_TokenWithoutScopeOrRole_Returns401()
    {
        var token = portal.Provider.AccessToken(EntraPortalFixture.NoRole, claims => claims.Remove("scp"));
        using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), token);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_NoToken_Returns401()
    {
        using var client = portal.ClientAs(null);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Api_SignedInWithoutAnAppRole_Returns403()
    {
        using var client = portal.ClientAs(EntraPortalFixture.NoRole);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Api_VersionOneTokenForTheApplicationIdUri_IsAccepted()
    {
        var token = portal.Provider.AccessToken(EntraPortalFixture.Admin, claims => (claims["ver"], claims["aud"]) = ("1.0", $"api://{TestIdentityProvider.ClientId}"));
        using var client = EntraPortalFixture.WithToken(portal.ClientAs(null), token);

        var response = await client.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>With <c>AzureAd:Audience</c> set, API tokens must carry exactly that audience.</summary>
public sealed class ConfiguredAudienceTests(ConfiguredAudienceTests.AudiencePortal portal) : IClassFixture<ConfiguredAudienceTests.AudiencePortal>
{
    private const string Audience = "api://aksposture.contoso.test";

    [Fact]
    public async Task Api_ConfiguredAudience_IsTheOneAccepted()
    {
        var configured = portal.Provider.AccessToken(EntraPortalFixture.Admin, claims => claims["aud"] = Audience);
        var clientId = portal.Provider.AccessToken(EntraPortalFixture.Admin);
        using var withConfigured = EntraPortalFixture.WithToken(portal.ClientAs(null), configured);
        using var withClientId = EntraPortalFixture.WithToken(portal.ClientAs(null), clientId);

        var accepted = await withConfigured.GetAsync("/api/v1/scores");
        var refused = await withClientId.GetAsync("/api/v1/scores");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (accepted.StatusCode, refused.StatusCode));
    }

    public sealed class AudiencePortal : EntraPortalFixture
    {
        protected override bool SampleFleet => false;

        protected override bool Worker => false;

        protected override IReadOnlyDictionary<string, string?>? Settings =>
            new Dictionary<string, string?>(TestIdentityProvider.Settings) { ["AzureAd:Audience"] = Audience };
    }
}
