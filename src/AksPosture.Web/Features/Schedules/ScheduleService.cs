using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Schedules;

/// <summary>Body of POST and PUT /api/v1/schedules; time zone defaults to UTC and scope to the whole fleet.</summary>
public sealed record ScheduleRequest(string? Name, string? Cron, string? TimeZone = null, string? Scope = null);

public sealed record ScheduleView(
    Guid Id, string Name, string Cron, string TimeZone, string Scope, bool Paused,
    DateTimeOffset? NextRunAt, DateTimeOffset? LastTriggeredAt, Guid? LastRunId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A schedule, or what is wrong with the request (field → messages); both null when there is no such schedule.</summary>
public sealed record ScheduleResult(ScheduleView? Schedule, Dictionary<string, string[]>? Errors);

/// <summary>
/// Schedules for the API and the Schedules page: validated, stored, and mirrored into Hangfire. Every change is
/// recorded in the audit log, in the same transaction, with the schedule's settings before and after.
/// </summary>
public sealed class ScheduleService(IDbContextFactory<AppDbContext> dbFactory, ScheduleSync sync, TimeProvider time)
{
    public const string AuditEntityType = "schedule";

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

    public async Task<ScheduleResult> CreateAsync(PortalUser actor, ScheduleRequest request, CancellationToken cancellationToken)
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
        AuditLog.Record(db, actor, now, "schedule.create", AuditEntityType, schedule.Id.ToString(), null, Settings(schedule));
        await db.SaveChangesAsync(cancellationToken);
        sync.Apply(schedule);
        return new ScheduleResult(ToView(schedule), null);
    }

    public async Task<ScheduleResult> UpdateAsync(PortalUser actor, Guid id, ScheduleRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request, out var scope) is { } errors)
        {
            return new ScheduleResult(null, errors);
        }

        return await ChangeAsync(actor, id, "schedule.update", schedule =>
        {
            schedule.Name = request.Name!.Trim();
            schedule.Cron = request.Cron!.Trim();
            schedule.TimeZone = TimeZoneOf(request);
            schedule.Scope = scope.ToString();
        }, cancellationToken);
    }

    public Task<ScheduleResult> SetPausedAsync(PortalUser actor, Guid id, bool paused, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, paused ? "schedule.pause" : "schedule.resume", schedule => schedule.Paused = paused, cancellationToken);

    public async Task<bool> DeleteAsync(PortalUser actor, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return false;
        }

        db.Schedules.Remove(schedule);
        AuditLog.Record(db, actor, time.GetUtcNow(), "schedule.delete", AuditEntityType, id.ToString(), Settings(schedule), null);
        await db.SaveChangesAsync(cancellationToken);
        sync.Remove(id);
        return true;
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

    private async Task<ScheduleResult> ChangeAsync(
        PortalUser actor, Guid id, string action, Action<AssessmentSchedule> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schedule = await db.Schedules.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (schedule is null)
        {
            return new ScheduleResult(null, null);
        }

        var before = Settings(schedule);
        change(schedule);
        schedule.UpdatedAt = time.GetUtcNow();
        AuditLog.Record(db, actor, schedule.UpdatedAt, action, AuditEntityType, id.ToString(), before, Settings(schedule));
        await db.SaveChangesAsync(cancellationToken);
        sync.Apply(schedule);
        return new ScheduleResult(ToView(schedule), null);
    }

    // What a person sets; run bookkeeping (last triggered, last run) is not a change anyone made.
    private static object Settings(AssessmentSchedule s) => new { s.Name, s.Cron, s.TimeZone, s.Scope, s.Paused };

    private static string TimeZoneOf(ScheduleRequest request) => string.IsNullOrWhiteSpace(request.TimeZone) ? "UTC" : request.TimeZone.Trim();

    private ScheduleView ToView(AssessmentSchedule s) => new(
        s.Id, s.Name, s.Cron, s.TimeZone, s.Scope, s.Paused,
        s.Paused ? null : CronSchedule.Next(s.Cron, s.TimeZone, time.GetUtcNow()),
        s.LastTriggeredAt, s.LastRunId, s.CreatedAt, s.UpdatedAt);
}
