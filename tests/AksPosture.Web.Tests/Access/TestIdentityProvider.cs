using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// A stand-in for Entra ID: the OpenID discovery document, a JWKS with one RSA key, a token endpoint that redeems
/// codes, and tokens signed with that key. It is an HttpMessageHandler the portal's metadata clients are given, so
/// tokens go through Microsoft.Identity.Web's validation unchanged. One instance serves every test: the metadata
/// caches of Microsoft.IdentityModel are process-wide.
/// </summary>
public sealed class TestIdentityProvider : HttpMessageHandler
{
    public const string Instance = "https://login.aksposture.test/";
    public const string TenantId = "7d3c0e5a-2b1f-4c6d-9e8a-1f2b3c4d5e6f";
    public const string ClientId = "4b8e2f1a-6c3d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>The named HttpClient Microsoft.Identity.Web's issuer validator uses in the tests.</summary>
    public const string HttpClientName = "test-identity-provider";

    private readonly RsaSecurityKey _key = NewKey("test-key-1");
    private readonly RsaSecurityKey _strangerKey = NewKey("test-key-1");
    private readonly ConcurrentDictionary<string, (string IdToken, string AccessToken)> _codes = new();

    public static TestIdentityProvider Shared { get; } = new();

    public static string Authority => $"{Instance}{TenantId}/v2.0";

    public static string Issuer => Authority;

    /// <summary>The AzureAd settings that point the portal at this provider.</summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["AzureAd:Instance"] = Instance,
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = "test-client-secret",
    };

    /// <summary>Requests the provider answered, by path, so a test can show validation really fetched metadata.</summary>
    public ConcurrentBag<string> Requests { get; } = [];

    /// <summary>A signed (v2.0) access token for the portal's API.</summary>
    public string AccessToken(TestUser user, Action<Dictionary<string, object>>? change = null, bool strangerKey = false)
    {
        var claims = user.Claims();
        claims["aud"] = ClientId;
        claims["scp"] = "access_as_user";
        change?.Invoke(claims);
        return Sign(claims, strangerKey ? _strangerKey : _key);
    }

    /// <summary>The same claims with no signature at all (<c>alg: none</c>).</summary>
    public static string UnsignedAccessToken(TestUser user)
    {
        var claims = user.Claims();
        claims["aud"] = ClientId;
        claims["scp"] = "access_as_user";
        return $"{Base64Url(new { alg = "none", typ = "JWT" })}.{Base64Url(claims)}.";
    }

    /// <summary>
    /// A code the token endpoint will redeem (given the client secret) for an ID token of <paramref name="user"/> carrying
    /// <paramref name="nonce"/>, and an access token for another API, as Entra ID answers.
    /// </summary>
    public string IssueCode(TestUser user, string nonce)
    {
        var claims = user.Claims();
        claims["aud"] = ClientId;
        claims["nonce"] = nonce;
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var graph = user.Claims();
        graph["aud"] = "00000003-0000-0000-c000-000000000000";
        graph["scp"] = "openid profile User.Read";
        _codes[code] = (Sign(claims, _key), Sign(graph, _key));
        return code;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add(path);
        return path switch
        {
            _ when path == $"/{TenantId}/v2.0/.well-known/openid-configuration" => Json(Discovery()),
            _ when path == $"/{TenantId}/discovery/v2.0/keys" => Json(new { keys = new[] { PublicJwk(_key) } }),
            _ when path == $"/{TenantId}/oauth2/v2.0/token" => await RedeemAsync(request, cancellationToken),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private async Task<HttpResponseMessage> RedeemAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var fields = form.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        return fields.GetValueOrDefault("code") is { } code && _codes.TryRemove(code, out var tokens) && fields.GetValueOrDefault("client_secret") == "test-client-secret"
            ? Json(new { id_token = tokens.IdToken, access_token = tokens.AccessToken, token_type = "Bearer", expires_in = 3600 })
            : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_grant"}""") };
    }

    private static object Discovery() => new
    {
        issuer = Issuer,
        authorization_endpoint = $"{Instance}{TenantId}/oauth2/v2.0/authorize",
        token_endpoint = $"{Instance}{TenantId}/oauth2/v2.0/token",
        end_session_endpoint = $"{Instance}{TenantId}/oauth2/v2.0/logout",
        jwks_uri = $"{Instance}{TenantId}/discovery/v2.0/keys",
        response_modes_supported = new[] { "query", "fragment", "form_post" },
        response_types_supported = new[] { "code", "id_token", "code id_token" },
        subject_types_supported = new[] { "pairwise" },
        id_token_signing_alg_values_supported = new[] { "RS256" },
        scopes_supported = new[] { "openid", "profile", "email", "offline_access" },
    };

    private static string Sign(Dictionary<string, object> claims, RsaSecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims), new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    private static object PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new { kty = "RSA", use = "sig", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) };
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    private static string Base64Url(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static HttpResponseMessage Json(object body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
}

/// <summary>Someone the test provider issues tokens for: app roles and group object ids as Entra ID writes them.</summary>
public sealed record TestUser(string ObjectId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups)
{
    public Dictionary<string, object> Claims()
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["iss"] = TestIdentityProvider.Issuer,
            ["tid"] = TestIdentityProvider.TenantId,
            ["oid"] = ObjectId,
            ["sub"] = ObjectId,
            ["name"] = Name,
            ["preferred_username"] = $"{ObjectId}@contoso.test",
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        if (Roles.Count > 0)
        {
            claims["roles"] = Roles.ToArray();
        }

        if (Groups.Count > 0)
        {
            claims["groups"] = Groups.ToArray();
        }

        return claims;
    }
}
