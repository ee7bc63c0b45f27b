using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Governance;

/// <summary>Maps service outcomes to responses: 400 with field errors, 403, 404 or 409 as ProblemDetails.</summary>
public static class GovernanceHttp
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Ok<T>(GovernanceResult<T> result)
        where T : class
    {
        if (result.Value is { } value)
        {
            return TypedResults.Ok(value);
        }

        var problem = result.Problem!;
        return problem.Kind == ProblemKind.Invalid ? Validation(problem) : Http(problem);
    }

    public static Results<Created<T>, ValidationProblem, ProblemHttpResult> Created<T>(GovernanceResult<T> result, Func<T, string> location)
        where T : class
    {
        if (result.Value is { } value)
        {
            return TypedResults.Created(location(value), value);
        }

        var problem = result.Problem!;
        return problem.Kind == ProblemKind.Invalid ? Validation(problem) : Http(problem);
    }

    private static ValidationProblem Validation(GovernanceProblem problem) =>
        TypedResults.ValidationProblem(problem.Errors ?? [], title: problem.Title, detail: problem.Detail);

    private static ProblemHttpResult Http(GovernanceProblem problem) =>
        TypedResults.Problem(statusCode: problem.Kind switch
        {
            ProblemKind.NotFound => StatusCodes.Status404NotFound,
            ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        }, title: problem.Title, detail: problem.Detail);
}
