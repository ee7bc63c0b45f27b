using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Findings;

public static class RunDiffApi
{
    public static async Task<Results<Ok<RunDiff>, ProblemHttpResult>> GetDiffAsync(
        Guid id, Guid? against, RunDiffQueries queries, ClaimsPrincipal user, CancellationToken cancellationToken, [Range(1, 10_000)] int limit = 1000)
    {
        if (against is not { } other)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest, title: "Which run to compare with?",
                detail: "Add ?against=<id of an earlier run>; GET /api/v1/assessments lists runs, newest first.");
        }

        var (diff, problem, detail) = await queries.GetAsync(PortalUser.FromPrincipal(user), id, other, limit, cancellationToken);
        return problem switch
        {
            DiffProblem.None => TypedResults.Ok(diff!),
            DiffProblem.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail),
            DiffProblem.NotEarlier => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Runs in the wrong order", detail: detail),
            DiffProblem.ResultsRemoved => TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Results no longer kept", detail: detail),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Run not finished", detail: detail),
        };
    }
}
