using System.Security.Claims;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Teams;

public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        // Teams decide who sees which clusters, so only administrators read or change them.
        var group = app.MapGroup("/api/v1/teams").WithTags("Teams").RequireAuthorization(PortalPolicies.Administer);
        group.MapGet("/", async (TeamService teams, CancellationToken ct) => TypedResults.Ok(await teams.ListAsync(ct)))
            .WithName("ListTeams")
            .WithSummary("Every team, by name.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTeam");
        group.MapPost("/", CreateAsync)
            .WithName("CreateTeam")
            .WithSummary("A team: its subscriptions and/or one tag (the clusters it owns) and the Entra ID groups of its members.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTeam");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteTeam");
        return app;
    }

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> GetAsync(Guid id, TeamService teams, CancellationToken cancellationToken) =>
        await teams.GetAsync(id, cancellationToken) is { } team ? TypedResults.Ok(team) : NotFound(id);

    private static async Task<Results<Created<TeamView>, ValidationProblem>> CreateAsync(
        TeamRequest request, TeamService teams, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await teams.CreateAsync(PortalUser.FromPrincipal(user), request, cancellationToken);
        return result.Errors is { } errors ? Invalid(errors) : TypedResults.Created($"/api/v1/teams/{result.Team!.Id}", result.Team);
    }

    private static async Task<Results<Ok<TeamView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, TeamRequest request, TeamService teams, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await teams.UpdateAsync(PortalUser.FromPrincipal(user), id, request, cancellationToken);
        return result switch
        {
            { Errors: { } errors } => Invalid(errors),
            { Team: { } team } => TypedResults.Ok(team),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, TeamService teams, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await teams.DeleteAsync(PortalUser.FromPrincipal(user), id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The team cannot be saved", detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no team {id}; list teams at /api/v1/teams.");
}
