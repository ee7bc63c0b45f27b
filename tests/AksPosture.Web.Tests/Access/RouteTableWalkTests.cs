using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// Walks every endpoint the portal maps (API, pages, jobs dashboard, framework) and asks each, with every method it
/// accepts, without a token (401) and with a token of each role below its policy (403). New endpoints are walked
/// without touching this test; one that names no policy fails it.
/// </summary>
public sealed partial class RouteTableWalkTests(EntraPortalFixture portal, ITestOutputHelper output) : IClassFixture<EntraPortalFixture>
{
    /// <summary>Open to anyone, and why.</summary>
    private static readonly Dictionary<string, string> Anonymous = new()
    {
        ["/health/live"] = "liveness probe: carries no token, shows no data",
        ["/health/ready"] = "readiness probe: carries no token, shows no data",
        ["/account/sign-in"] = "starts signing in",
        ["/account/sign-out"] = "ends a session (antiforgery-protected form post)",
        ["/account/signed-out"] = "says you have signed out",
        ["/account/access-denied"] = "says a role is missing",
    };

    /// <summary>For every signed-in user whatever their role (so no 403 to check), and why.</summary>
    private static readonly Dictionary<string, string> AnySignedInUser = new()
    {
        ["/not-found"] = "the not-found page shows no data",
        ["/_blazor"] = "the interactive circuit; each page in it checks its own policy",
        ["/_blazor/negotiate"] = "the interactive circuit's connection negotiation",
        ["/_blazor/initializers"] = "the list of the circuit's JavaScript initializers",
        ["/_blazor/disconnect"] = "closing a circuit",
        ["/_framework/opaque-redirect"] = "the framework's redirect after an enhanced navigation",
        ["/{**path:file}"] = "the framework's fallback for file names no asset has (answers 404)",
    };

    private static readonly Dictionary<string, TestUser[]> Below = new()
    {
        [PortalPolicies.Read] = [EntraPortalFixture.NoRole],
        [PortalPolicies.Contribute] = [EntraPortalFixture.NoRole, EntraPortalFixture.PaymentsReader],
        [PortalPolicies.Approve] = [EntraPortalFixture.NoRole, EntraPortalFixture.PaymentsReader, EntraPortalFixture.PaymentsContributor],
        [PortalPolicies.Administer] = [EntraPortalFixture.NoRole, EntraPortalFixture.PaymentsReader, EntraPortalFixture.PaymentsContributor, EntraPortalFixture.Approver],
    };

    [Fact]
    public async Task EveryEndpoint_WithoutATokenOrWithARoleBelowItsPolicy_Returns401Or403()
    {
        var endpoints = portal.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var failures = new List<string>();
        var (walked, unauthorized, forbidden, staticAssets) = (0, 0, 0, 0);
        var excluded = new List<string>();
        using var anonymous = portal.ClientAs(null);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (IsStaticAsset(endpoint))
                {
                    staticAssets++;
                }
                else if (Anonymous.TryGetValue(route, out var why))
                {
                    excluded.Add($"{route}: {why}");
                }
                else
                {
                    failures.Add($"{route} allows anonymous access and is not on the list of endpoints that may");
                }

                continue;
            }

            walked++;
            // Policies of a group and of its endpoint all apply; the highest role among them is the one to fall short of.
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => a.Policy)
                .Where(p => PortalPolicies.RoleFor(p) is not null)
                .MaxBy(p => PortalRoles.All.ToList().IndexOf(PortalPolicies.RoleFor(p)!));
            foreach (var method in Methods(endpoint))
            {
                var url = Url(route);
                if (await SendAsync(anonymous, method, url) is var status && status == HttpStatusCode.Unauthorized)
                {
                    unauthorized++;
                }
                else
                {
                    failures.Add($"{method} {url} without a token: {(int)status}, not 401");
                }

                if (policy is null)
                {
                    if (!AnySignedInUser.ContainsKey(route))
                    {
                        failures.Add($"{method} {route} names no policy (posture.read, .contribute, .approve or .administer)");
                    }

                    continue;
                }

                foreach (var user in Below[policy])
                {
                    using var client = portal.ClientAs(user);
                    if (await SendAsync(client, method, url) is var asUser && asUser == HttpStatusCode.Forbidden)
                    {
                        forbidden++;
                    }
                    else
                    {
                        failures.Add($"{method} {url} as {user.Name} ({string.Join(",", user.Roles)}), below {policy}: {(int)asUser}, not 403");
                    }
                }
            }
        }

        output.WriteLine($"Endpoints in the route table: {endpoints.Count}; walked: {walked}; 401 answers: {unauthorized}; 403 answers: {forbidden}");
        output.WriteLine($"Not walked: {staticAssets} static asset endpoints (public files of the framework, MudBlazor and our stylesheet; no posture data)");
        output.WriteLine($"Not walked (anonymous by design): {string.Join("; ", excluded)}");
        output.WriteLine($"Walked for 401 only (any signed-in user): {string.Join("; ", AnySignedInUser.Select(p => $"{p.Key}: {p.Value}"))}");
        Assert.Empty(failures);
        Assert.True(walked > 30, $"only {walked} endpoints walked");
        Assert.Equal(Anonymous.Count, excluded.Count);
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["GET"];

    // Fills route parameters with values of the right shape: a GUID or a file name where the route asks for one.
    private static string Url(string route) =>
        RouteParameter().Replace(route, m => m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.OrdinalIgnoreCase) => Guid.NewGuid().ToString(),
            var c when c.Contains("file", StringComparison.OrdinalIgnoreCase) => "missing.txt",
            _ => "x",
        });

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:=?]+)(?<constraint>[^}=?]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}
