using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Findings;

public static class FindingsApi
{
    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/findings").WithTags("Findings").RequireAuthorization(PortalPolicies.Read);
        group.MapGet("/", ListAsync)
            .WithName("ListFindings")
            .WithSummary("Findings with their lifecycle (new, open, resolved, reopened) and remediation, filtered, sorted and paged.");
        group.MapGet("/export", Export)
            .WithName("ExportFindings")
            .WithSummary("Every finding the filters select (all pages, list order) as CSV or JSON, streamed.");
        group.MapGet("/{key}", GetAsync)
            .WithName("GetFinding")
            .WithSummary("One finding with its evidence, the rule's remediation, recent results, history and comments.");
        return app;
    }

    private static async Task<Results<Ok<FindingPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] FindingFilterParameters parameters,
        ClaimsPrincipal principal,
        FindingQueries queries,
        CancellationToken cancellationToken,
        string? sort = null,
        [Range(1, int.MaxValue)] int page = 1,
        [Range(1, 500)] int pageSize = 50)
    {
        var user = PortalUser.FromPrincipal(principal);
        var (filter, order, problem) = Read(parameters, sort, user);
        if (problem is not null)
        {
            return problem;
        }

        return TypedResults.Ok(await queries.ListAsync(user, filter!, order!, page, pageSize, cancellationToken));
    }

    private static Results<PushStreamHttpResult, ProblemHttpResult> Export(
        [AsParameters] FindingFilterParameters parameters,
        ClaimsPrincipal principal,
        FindingQueries queries,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? format = null,
        string? sort = null)
    {
        var user = PortalUser.FromPrincipal(principal);
        var (filter, order, problem) = Read(parameters, sort, user);
        if (problem is not null)
        {
            return problem;
        }

        var findings = queries.StreamAsync(user, filter!, order!, cancellationToken);
        var name = $"findings-{time.GetUtcNow():yyyy-MM-dd}";
        return format?.ToLowerInvariant() switch
        {
            "csv" => TypedResults.Stream(
                stream => FindingExport.WriteCsvAsync(stream, findings, cancellationToken),
                "text/csv; charset=utf-8", name + ".csv"),
            "json" => TypedResults.Stream(
                stream => FindingExport.WriteJsonAsync(stream, findings, cancellationToken),
                "application/json; charset=utf-8", name + ".json"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown export format",
                detail: $"format '{format}' is not csv or json; add ?format=csv or ?format=json (the other parameters filter as GET /api/v1/findings does)."),
        };
    }

    private static async Task<Results<Ok<FindingDetail>, ProblemHttpResult>> GetAsync(
        string key, ClaimsPrincipal principal, FindingDetailQueries details, CancellationToken cancellationToken)
    {
        if (!FindingKey.TryParse(key, out var findingKey))
        {
            return BadKey(key);
        }

        return await details.GetAsync(PortalUser.FromPrincipal(principal), findingKey, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : NotFound(key);
    }

    /// <summary>400 for text that is not a finding key.</summary>
    public static ProblemHttpResult BadKey(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "Not a finding key",
        detail: $"'{key}' is not a finding key ({FindingKey.Format}); GET /api/v1/findings returns each finding's key.");

    /// <summary>404 for a finding that does not exist or that the caller may not see (the two are not told apart).</summary>
    public static ProblemHttpResult NotFound(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Finding not found",
        detail: $"No finding '{key}' on a cluster you can see; GET /api/v1/findings lists the ones you can.");

    private static (FindingFilter? Filter, FindingSort? Sort, ProblemHttpResult? Problem) Read(FindingFilterParameters parameters, string? sort, PortalUser user)
    {
        var (filter, problems) = parameters.Parse(user);
        var sortProblems = FindingSort.TryParse(sort, out var order) ? [] : new[] { $"sort '{sort}' is not one of {FindingSort.Allowed} (prefix '-' to sort descending)" };
        var all = problems.Concat(sortProblems).ToList();
        return all.Count == 0
            ? (filter, order, null)
            : (null, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown filter value", detail: string.Join("; ", all) + "."));
    }
}
