using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Schedules;

public static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/schedules").WithTags("Schedules");
        group.MapGet("/", async (ScheduleService schedules, CancellationToken ct) => TypedResults.Ok(await schedules.ListAsync(ct)))
            .WithName("ListSchedules");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSchedule");
        group.MapPost("/", CreateAsync)
            .WithName("CreateSchedule")
            .WithSummary("A cron expression read in a time zone, and the scope to assess when it fires.");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateSchedule");
        group.MapPost("/{id:guid}/pause", (Guid id, ScheduleService schedules, CancellationToken ct) => SetPausedAsync(id, true, schedules, ct))
            .WithName("PauseSchedule");
        group.MapPost("/{id:guid}/resume", (Guid id, ScheduleService schedules, CancellationToken ct) => SetPausedAsync(id, false, schedules, ct))
            .WithName("ResumeSchedule");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteSchedule");
        return app;
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> GetAsync(Guid id, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.GetAsync(id, cancellationToken) is { } schedule ? TypedResults.Ok(schedule) : NotFound(id);

    private static async Task<Results<Created<ScheduleView>, ValidationProblem>> CreateAsync(
        ScheduleRequest request, ScheduleService schedules, CancellationToken cancellationToken)
    {
        var result = await schedules.CreateAsync(request, cancellationToken);
        return result.Errors is { } errors
            ? Invalid(errors)
            : TypedResults.Created($"/api/v1/schedules/{result.Schedule!.Id}", result.Schedule);
    }

    private static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ScheduleRequest request, ScheduleService schedules, CancellationToken cancellationToken)
    {
        var result = await schedules.UpdateAsync(id, request, cancellationToken);
        return result switch
        {
            { Errors: { } errors } => Invalid(errors),
            { Schedule: { } schedule } => TypedResults.Ok(schedule),
            _ => NotFound(id),
        };
    }

    private static async Task<Results<Ok<ScheduleView>, ProblemHttpResult>> SetPausedAsync(
        Guid id, bool paused, ScheduleService schedules, CancellationToken cancellationToken) =>
        (await schedules.SetPausedAsync(id, paused, cancellationToken)).Schedule is { } schedule ? TypedResults.Ok(schedule) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            title: "The schedule cannot be saved",
            detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no schedule {id}; list schedules at /api/v1/schedules.");
}
