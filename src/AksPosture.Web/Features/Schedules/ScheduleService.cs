using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Schedules;

/// <summary>Body of POST and PUT /api/v1/schedules; time zone defaults to UTC and scope to the whole fleet.</summary>
public sealed record ScheduleRequest(string? Name, string? Cron, string? TimeZone = null, string? Scope = null);

public sealed record ScheduleView(
    Guid Id, string Name, string Cron, string TimeZone, string Scope, bool Paused,
    DateTimeOffset? NextRunAt, DateTimeOffset? LastTriggeredAt, Guid? LastRunId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A schedule, or what is wrong with the request (field → messages); both null when there is no such schedule.</summary>
public sealed record ScheduleResult(ScheduleView? Schedule, Dictionary<string, string[]>? Errors);

/// <summary>Schedules for the API and the Schedules page: validated, stored, and mirrored into Hangfire.</summary>
public sealed class ScheduleService(IDbContextFactory<AppDbContext> dbFactory, ScheduleSync sync, TimeProvider time)
{
    public async Task<IReadOnlyList<ScheduleView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return schedules.Select(ToView).ToList();
    }

    public async Task<ScheduleView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Schedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } schedule ? ToView(schedule) : null;
    }

    public async Task<ScheduleResult> CreateAsync(ScheduleRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request, out var scope) is { } errors)
        {
            return new ScheduleResult(null, errors);
        }

        var now = time.GetUtcNow();
        var schedule = new AssessmentSchedule
        {
            Id = Guid.CreateVersion7(now), Name = request.Name!.Trim(), Cron = request.Cron!.Trim(), TimeZone = TimeZoneOf(request),
            Scope = scope.ToString(), CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Schedules.Add(schedule);
        await db.SaveChangesAsync(cancellationToken);
        sync.Apply(schedule);
        return new ScheduleResult(ToView(schedule), null);
    }

    public async Task<ScheduleResult> UpdateAsync(Guid id, ScheduleRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request, out var scope) is { } errors)
        {
            return new ScheduleResult(null, errors);
        }

        return await ChangeAsync(id, schedule =>
        {
            schedule.Name = request.Name!.Trim();
            schedule.Cron = request.Cron!.Trim();
            schedule.TimeZone = TimeZoneOf(request);
            schedule.Scope = scope.ToString();
        }, cancellationToken);
    }

    public Task<ScheduleResult> SetPausedAsync(Guid id, bool paused, CancellationToken cancellationToken) =>
        ChangeAsync(id, schedule => schedule.Paused = paused, cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Schedules.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            sync.Remove(id);
        }

        return deleted;
    }

    /// <summary>Field → messages for a request that cannot be stored, or null when it can.</summary>
    public static Dictionary<string, string[]>? Validate(ScheduleRequest request, out RunScope scope)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 128)
        {
            errors["name"] = ["Give the schedule a name of 1 to 128 characters, e.g. 'Nightly production'."];
        }

        if (CronSchedule.CronError(request.Cron) is { } cron)
        {
            errors["cron"] = [cron];
        }

        if (CronSchedule.TimeZoneError(TimeZoneOf(request)) is { } zone)
        {
            errors["timeZone"] = [zone];
        }

        if (!RunScope.TryParse(request.Scope, out var parsed))
        {
            errors["scope"] = [$"'{request.Scope}' is not a scope: use {RunScope.Grammar}."];
        }

        scope = parsed ?? RunScope.Fleet;
        return errors.Count == 0 ? null : errors;
    }

    private async Task<ScheduleResult> ChangeAsync(Guid id, Action<AssessmentSchedule> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return new ScheduleResult(null, null);
        }

        change(schedule);
        schedule.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        sync.Apply(schedule);
        return new ScheduleResult(ToView(schedule), null);
    }

    private static string TimeZoneOf(ScheduleRequest request) => string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();

    private ScheduleView ToView(AssessmentSchedule s) => new(
        s.Id, s.Name, s.Cron, s.TimeZone, s.Scope, s.Paused,
        s.Paused ? null : CronSchedule.Next(s.Cron, s.TimeZone, time.GetUtcNow()),
        s.LastTriggeredAt, s.LastRunId, s.CreatedAt, s.UpdatedAt);
}
