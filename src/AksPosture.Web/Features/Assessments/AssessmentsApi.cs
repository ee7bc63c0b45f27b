using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Assessments;

public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        // Runs are fleet-level records (status, scope, counts; no cluster names or scores), so every Reader sees them.
        var group = app.MapGroup("/api/v1/assessments").WithTags("Assessments").RequireAuthorization(PortalPolicies.Read);
        group.MapPost("/", StartAsync)
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("StartAssessment")
            .WithSummary("Queue a run of the fleet (Admin), or of your teams' subscriptions or tag (Contributor); 202 with the run's id and its progress URL.");
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("A run's status and progress.");
        group.MapGet("/", ListAsync)
            .WithName("ListAssessments")
            .WithSummary("Runs, newest first, a page at a time.");
        group.MapGet("/{id:guid}/diff", RunDiffApi.GetDiffAsync)
            .WithName("DiffAssessments")
            .WithSummary("Findings that are new, resolved or reopened in this run compared with an earlier one.");
        return app;
    }

    private static async Task<Results<Accepted<RunAccepted>, ProblemHttpResult>> StartAsync(
        StartRunRequest? request, RunService runs, TeamAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!RunScope.TryParse(request?.Scope, out var scope))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown scope",
                detail: $"'{request?.Scope}' is not a run scope: use {RunScope.Grammar}, or send no body for the whole fleet.");
        }

        if (await access.CannotStartAsync(PortalUser.FromPrincipal(user), scope, cancellationToken) is { } reason)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not a scope of your teams", detail: reason);
        }

        var started = await runs.StartAsync(scope, RunService.ManualTrigger, null, cancellationToken);
        if (started.RunId is not { } id)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A run of this scope is already going",
                detail: $"Run {started.ActiveRunId} of scope '{scope}' is queued or running, and two runs of one scope never overlap. " +
                        $"Follow it at /api/v1/assessments/{started.ActiveRunId}, and start another once it has finished.",
                extensions: new Dictionary<string, object?> { ["activeRunId"] = started.ActiveRunId });
        }

        return TypedResults.Accepted($"/api/v1/assessments/{id}", new RunAccepted(id));
    }

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(Guid id, RunService runs, CancellationToken cancellationToken) =>
        await runs.GetAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no run {id}; list runs at /api/v1/assessments.");

    private static async Task<Ok<RunPage>> ListAsync(
        RunService runs, CancellationToken cancellationToken, [Range(1, int.MaxValue)] int page = 1, [Range(1, 200)] int pageSize = 20) =>
        TypedResults.Ok(await runs.ListAsync(page, pageSize, cancellationToken));
}

/// <summary>Body of POST /api/v1/assessments; no body (or no scope) means the whole fleet.</summary>
public sealed record StartRunRequest(string? Scope);

public sealed record RunAccepted(Guid Id);
