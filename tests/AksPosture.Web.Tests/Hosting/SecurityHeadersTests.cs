using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AksPosture.Web.Tests.Access;
using AksPosture.Web.Tests.Infrastructure;

namespace AksPosture.Web.Tests.Hosting;

public sealed partial class SecurityHeadersTests(EmptyEntraPortalFixture portal) : IClassFixture<EmptyEntraPortalFixture>
{
    [Fact]
    public async Task Page_Production_CarriesEveryHeader()
    {
        using var client = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await client.GetAsync("/runs");

        var headers = response.Headers;
        var policy = headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("connect-src 'self' wss://localhost", policy);
        Assert.Contains($"form-action 'self' https://login.aksposture.test", policy);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("max-age=31536000", headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Page_ContentSecurityPolicy_AllowsExactlyWhatThePageLoads()
    {
        using var client = portal.ClientAs(EntraPortalFixture.Admin);

        var response = await client.GetAsync("/runs");
        var html = await response.Content.ReadAsStringAsync();
        var scriptSources = ScriptSources(response.Headers.GetValues("Content-Security-Policy").Single());

        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        var importMap = Assert.Single(inline);
        Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)))}'", scriptSources);
        Assert.All(ScriptSource().Matches(html), m => Assert.DoesNotContain("//", m.Groups["src"].Value));
        Assert.All(Stylesheet().Matches(html), m => Assert.DoesNotContain("//", m.Groups["href"].Value));
        Assert.DoesNotContain("'unsafe-inline'", scriptSources);
        Assert.DoesNotContain("'unsafe-eval'", scriptSources);
    }

    [Fact]
    public async Task Api_Error_StillCarriesTheHeaders()
    {
        using var client = portal.ClientAs(null);

        var response = await client.GetAsync("/api/v1/findings");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Page_Development_HasNoStrictTransportSecurity()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var factory = new PortalFactory(database.ConnectionString, sampleFleet: false);
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/rules");

        Assert.True(response.IsSuccessStatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private static string ScriptSources(string policy) => policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*\\bsrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<link[^>]*rel=\"stylesheet\"[^>]*href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Stylesheet();
}
