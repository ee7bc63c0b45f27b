using System.Net;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Access;

/// <summary>
/// A Reader of the Payments team asks every GET endpoint and page of the route table — with route values and filters
/// naming the Orders team's clusters, subscription, findings, exception and attestation — and no answer may carry any of
/// the Orders team's data. The same requests as an administrator show the data is there to leak.
/// </summary>
public sealed partial class CrossTeamSweepTests(EntraPortalFixture portal, ITestOutputHelper output) : IClassFixture<EntraPortalFixture>
{
    [Fact]
    public async Task EveryGetEndpointAndPage_AsAReaderOfAnotherTeam_ShowsNothingOfThatTeam()
    {
        var orders = await OtherTeamData.SeedAsync(portal);
        using var reader = portal.ClientAs(EntraPortalFixture.PaymentsReader);
        using var admin = portal.ClientAs(EntraPortalFixture.Admin);
        var failures = new List<string>();
        var swept = new Dictionary<RouteKind, List<string>>();
        var (requests, shownToAdmin) = (0, 0);
        foreach (var route in SweptRoutes())
        {
            if (Urls(route.Pattern, orders) is not { } urls)
            {
                failures.Add($"{route.Pattern} has route parameters the sweep does not know how to fill with the Orders team's ids; add it to Urls");
                continue;
            }

            var shownBefore = shownToAdmin;
            foreach (var url in urls)
            {
                requests++;
                var (status, body) = await GetAsync(reader, url);
                var expected = route.AdminOnly ? [HttpStatusCode.Forbidden] : AllowedAnswers;
                if (!expected.Contains(status))
                {
                    failures.Add($"GET {url} as the Payments reader: {(int)status}, expected {string.Join(" or ", expected.Select(s => (int)s))}");
                }

                if (orders.FoundIn(body, url) is { Count: > 0 } leaked)
                {
                    failures.Add($"GET {url} as the Payments reader ({(int)status}) shows {string.Join(", ", leaked)}");
                }

                if (orders.FoundIn((await GetAsync(admin, url)).Body, url).Count > 0)
                {
                    shownToAdmin++;
                }
            }

            swept.TryAdd(route.Kind, []);
            swept[route.Kind].Add($"{route.Pattern} ({shownToAdmin - shownBefore}/{urls.Count})");
        }

        var directReads = await DirectReadsAsync(orders, reader, admin, failures);
        output.WriteLine($"Swept as the Payments reader: {Count(RouteKind.Api)} API endpoints, {Count(RouteKind.Page)} pages, " +
                         $"{Count(RouteKind.Other)} other endpoints; {requests} requests, {shownToAdmin} of which show Orders data to an administrator");
        output.WriteLine("Per route: (requests showing Orders data to an administrator / requests)");
        foreach (var (kind, patterns) in swept)
        {
            output.WriteLine($"{kind}: {string.Join(", ", patterns)}");
        }

        output.WriteLine($"Direct reads of Orders objects answered not found to the reader and 200 to an administrator: {directReads}");
        output.WriteLine($"Markers looked for: {orders.Markers.Count} ({orders.Clusters.Count} Orders clusters' names and ids, the Orders-only subscription's id, the exception's justification, " +
                         "the approval and finding comment, the finding owner, the attestation evidence)");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(Count(RouteKind.Api) >= 15 && Count(RouteKind.Page) >= 12, "the route table offered fewer endpoints than expected");
        Assert.True(shownToAdmin > requests / 4, $"only {shownToAdmin} of {requests} requests show Orders data to an administrator: the sweep would miss a leak");

        int Count(RouteKind kind) => swept.GetValueOrDefault(kind)?.Count ?? 0;
    }

    /// <summary>Answers a Reader may get when they ask for something of another team: their own data, a refusal of the input, or nothing.</summary>
    private static readonly HttpStatusCode[] AllowedAnswers = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound];

    // Reading one Orders object by its id: the reader is told it does not exist, an administrator gets it.
    private static async Task<int> DirectReadsAsync(OtherTeamData orders, HttpClient reader, HttpClient admin, List<string> failures)
    {
        var reads = DirectReads(orders).ToList();
        foreach (var (path, notFoundText) in reads)
        {
            var asReader = await GetAsync(reader, path);
            var asAdmin = await GetAsync(admin, path);
            if (notFoundText is null && asReader.Status != HttpStatusCode.NotFound)
            {
                failures.Add($"GET {path} as the Payments reader: {(int)asReader.Status}, not 404");
            }

            if (notFoundText is not null && (asReader.Status != HttpStatusCode.OK || !asReader.Body.Contains(notFoundText, StringComparison.Ordinal)))
            {
                failures.Add($"GET {path} as the Payments reader: {(int)asReader.Status} without the page's '{notFoundText}'");
            }

            if (asAdmin.Status != HttpStatusCode.OK || (notFoundText is not null && asAdmin.Body.Contains(notFoundText, StringComparison.Ordinal)))
            {
                failures.Add($"GET {path} as an administrator: {(int)asAdmin.Status}, not the object; the path tests nothing");
            }
        }

        return reads.Count;
    }

    /// <summary>
    /// Paths to one Orders object, with null for 404 or the text of the page's own not-found state: the finding and
    /// subscription pages say "not found" on a page answered 200 (the finding panel is also the explorer's side panel).
    /// </summary>
    private static IEnumerable<(string Path, string? NotFoundText)> DirectReads(OtherTeamData orders)
    {
        var arm = Uri.EscapeDataString(orders.First.ArmId);
        yield return ($"/api/v1/findings/{orders.Finding}", null);
        yield return ($"/api/v1/findings/{orders.Finding}/comments", null);
        yield return ($"/api/v1/exceptions/{orders.ExceptionId}", null);
        yield return ($"/api/v1/attestations/{orders.AttestationId}", null);
        yield return ($"/api/v1/scores?scope=cluster:{arm}", null);
        yield return ($"/api/v1/scores/trend?scope=cluster:{arm}", null);
        yield return ($"/api/v1/scores?scope=subscription:{orders.OnlySubscriptionId}", null);
        yield return ($"/api/v1/scores/trend?scope=subscription:{orders.OnlySubscriptionId}", null);
        yield return ($"/api/v1/assessments/{orders.OnlyRunId}/diff?against={orders.EarlierRunId}", null);
        yield return ($"/findings/{orders.Finding}", "data-testid=\"finding-missing\"");
        yield return ($"/subscriptions/{orders.OnlySubscriptionId}", "Subscription not found");
        foreach (var cluster in orders.Clusters)
        {
            yield return ($"/clusters/{cluster.Id}", null);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private IEnumerable<SweptRoute> SweptRoutes()
    {
        foreach (var endpoint in portal.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || FrameworkPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal))
                || methods is { Count: > 0 } && !methods.Contains("GET"))
            {
                continue;
            }

            var kind = endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata") ? RouteKind.Page
                : pattern.StartsWith("/api/", StringComparison.Ordinal) ? RouteKind.Api
                : RouteKind.Other;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            yield return new SweptRoute(pattern, kind, policies.Contains(PortalPolicies.Administer));
        }
    }

    /// <summary>The circuit and the framework's file fallback: they carry no posture data.</summary>
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/{**path"];

    private enum RouteKind
    {
        Api,
        Page,
        Other,
    }

    private sealed record SweptRoute(string Pattern, RouteKind Kind, bool AdminOnly);
}
