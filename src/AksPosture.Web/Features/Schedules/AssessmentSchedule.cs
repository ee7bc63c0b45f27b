namespace AksPosture.Web.Features.Schedules;

/// <summary>When to assess which clusters: a cron expression read in a time zone, and a run scope.</summary>
public sealed class AssessmentSchedule
{
    /// <summary>The daily fleet schedule every new installation starts with (added by the migration that made the table).</summary>
    public static readonly Guid DefaultId = new("0b6c8a52-7d0e-4a5e-9f1c-2f4d6e8a0b01");

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Five fields (minute hour day-of-month month day-of-week) or six with seconds first.</summary>
    public required string Cron { get; set; }

    /// <summary>An IANA (<c>Europe/Amsterdam</c>) or Windows time zone id; the cron is read in it, daylight saving included.</summary>
    public required string TimeZone { get; set; }

    /// <summary>A run scope (<c>fleet</c>, <c>subscription:{id},{id}</c>, <c>tag:key=value</c>), normalised.</summary>
    public required string Scope { get; set; }

    public bool Paused { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastTriggeredAt { get; set; }

    public Guid? LastRunId { get; set; }

    /// <summary>The Hangfire recurring job that fires this schedule.</summary>
    public string RecurringJobId => RecurringJobIdFor(Id);

    public static string RecurringJobIdFor(Guid id) => $"schedule:{id:N}";
}
