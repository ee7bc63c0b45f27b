using System.Security.Claims;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Schedules;

public static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        // Everyone may see when runs happen; only administrators change it.
        var group = app.MapGroup("/api/v1/schedules").WithTags("Schedules").RequireAuthorization(PortalPolicies.Read);
        group.MapGet("/", async (ScheduleService schedules, CancellationToken ct) => TypedResults.Ok(await schedules.ListAsync(ct)))
            .WithName("ListSchedules");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSchedule");

        var changes = group.MapGroup("/").RequireAuthorization(PortalPolicies.Administer);
        changes.MapPost("/", CreateAsync)
            .WithName("CreateSchedule")
            .WithSummary("A cron expression read in a time zone, and the scope to assess when it fires.");
        changes.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateSchedule");
        changes.MapPost("/{id:guid}/pause", (Guid id, ScheduleService schedules, ClaimsPrincipal user, CancellationToken ct) => SetPausedAsync(id, true, schedules, user, ct))
            .WithName("PauseSchedule");
        changes.MapPost("/{id:guid}/resume", (Guid id, ScheduleService schedules, ClaimsPrincipal user, CancellationToken ct) => SetPausedAsync(id, false, schedules, user, ct))
            .WithName("ResumeSchedule");
        changes.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteSchedule");
        return app;
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(Guid id, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.GetAsync(id, cancellationToken) is { } schedule ? TypedResults.Ok(schedule) : NotFound(id);

    private static async Task<Results<Created<ScheduleView>, ValidationProblem>> CreateAsync(
        ScheduleRequest request, ScheduleService schedules, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await schedules.CreateAsync(PortalUser.FromPrincipal(user), request, cancellationToken);
        return result.Errors is { } errors
            ? Invalid(errors)
            : TypedResults.Created($"/api/v1/schedules/{result.Schedule!.Id}", result.Schedule);
    }

    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ScheduleRequest request, ScheduleService schedules, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await schedules.UpdateAsync(PortalUser.FromPrincipal(user), id, request, cancellationToken);
        return result switch
        {
            { Errors: { } errors } => Invalid(errors),
            { Schedule: { } schedule } => TypedResults.Ok(schedule),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> SetPausedAsync(
        Guid id, bool paused, ScheduleService schedules, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await schedules.SetPausedAsync(PortalUser.FromPrincipal(user), id, paused, cancellationToken)).Schedule is { } schedule ? TypedResults.Ok(schedule) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ScheduleService schedules, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(PortalUser.FromPrincipal(user), id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: "The schedule cannot be saved",
            detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no schedule {id}; list schedules at /api/v1/schedules.");
}
