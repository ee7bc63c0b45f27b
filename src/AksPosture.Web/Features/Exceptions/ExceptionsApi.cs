using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Exceptions;

public static class ExceptionsApi
{
    public static IEndpointRouteBuilder MapExceptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/exceptions").WithTags("Exceptions");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(PortalPolicies.Read)
            .WithName("ListExceptions")
            .WithSummary("Exceptions on the clusters of your teams and every fleet-wide or tag exception, filtered and paged.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PortalPolicies.Read).WithName("GetException");
        group.MapPost("/", RequestAsync)
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("RequestException")
            .WithSummary("Requests an exception to a rule; it counts once another person approves it.");
        group.MapPost("/{id:guid}/approve", (Guid id, CommentRequest? body, ClaimsPrincipal user, ExceptionService service, CancellationToken ct) =>
                DecideAsync(service.ApproveAsync(PortalUser.FromPrincipal(user), id, body?.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Approve)
            .WithName("ApproveException")
            .WithSummary("Approves a pending exception; the requester cannot approve their own.");
        group.MapPost("/{id:guid}/reject", (Guid id, CommentRequest? body, ClaimsPrincipal user, ExceptionService service, CancellationToken ct) =>
                DecideAsync(service.RejectAsync(PortalUser.FromPrincipal(user), id, body?.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Approve)
            .WithName("RejectException");
        group.MapPost("/{id:guid}/revoke", (Guid id, CommentRequest? body, ClaimsPrincipal user, ExceptionService service, CancellationToken ct) =>
                DecideAsync(service.RevokeAsync(PortalUser.FromPrincipal(user), id, body?.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("RevokeException")
            .WithSummary("Withdraws a pending request or ends an active exception: its requester or an Approver may.");
        return app;
    }

    private static async Task<Results<Ok<ExceptionPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ExceptionQueries queries, [AsParameters] ListQuery query, CancellationToken cancellationToken, string? category = null)
    {
        var problems = new List<string>();
        var listState = ListFilters.Enum<ExceptionListState>(query.State, "state", problems);
        var listCategory = ListFilters.Enum<ExceptionCategory>(category, "category", problems);
        var clusters = ListFilters.Clusters(query, problems);
        if (problems.Count > 0)
        {
            return ListFilters.Invalid(problems);
        }

        var filter = new ExceptionFilter(listState, clusters, query.ClusterId, query.NormalisedRuleId, listCategory);
        return TypedResults.Ok(await queries.ListAsync(PortalUser.FromPrincipal(user), filter, query.Page, query.PageSize, cancellationToken));
    }

    private static async Task<Results<Ok<ExceptionView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, ExceptionQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(PortalUser.FromPrincipal(user), id, cancellationToken) is { } exception
            ? TypedResults.Ok(exception)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no exception {id} that you can see; list them at /api/v1/exceptions.");

    private static async Task<Results<Created<ExceptionView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        ExceptionRequest request, ClaimsPrincipal user, ExceptionService service, CancellationToken cancellationToken) =>
        GovernanceHttp.Created(await service.RequestAsync(PortalUser.FromPrincipal(user), request, cancellationToken), e => $"/api/v1/exceptions/{e.Id}");

    private static async Task<Results<Ok<ExceptionView>, ValidationProblem, ProblemHttpResult>> DecideAsync(Task<GovernanceResult<ExceptionView>> decision) =>
        GovernanceHttp.Ok(await decision);
}
