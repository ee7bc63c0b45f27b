using Cronos;

namespace AksPosture.Web.Features.Schedules;

/// <summary>Reads cron expressions and time zones the way Hangfire will, and says what to fix when they are wrong.</summary>
public static class CronSchedule
{
    public const string CronHelp =
        "use five fields (minute hour day-of-month month day-of-week), e.g. '0 2 * * *' for 02:00 every day or '0 6 * * 1-5' for 06:00 on weekdays; " +
        "six fields when the first is seconds";

    public static string? CronError(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return $"A cron expression is required: {CronHelp}.";
        }

        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!cron.TrimStart().StartsWith('@') && fields is not (5 or 6))
        {
            return $"'{cron}' has {fields} field(s): {CronHelp}.";
        }

        if (!CronExpression.TryParse(cron, format, out var expression))
        {
            return $"'{cron}' is not a cron expression: {CronHelp}.";
        }

        return expression.GetNextOccurrence(DateTime.UtcNow) is null
            ? $"'{cron}' never fires (no date matches it); check the day-of-month and month fields."
            : null;
    }

    public static string? TimeZoneError(string? timeZone) =>
        string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _)
            ? $"'{timeZone}' is not a time zone this server knows: use an IANA name such as 'Europe/Amsterdam' or 'America/New_York', or 'UTC'."
            : null;

    /// <summary>When the schedule fires next, in UTC; null for an expression that no longer parses.</summary>
    public static DateTimeOffset? Next(string cron, string timeZone, DateTimeOffset from)
    {
        var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(cron, format, out var expression) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? expression.GetNextOccurrence(from, zone)?.ToUniversalTime()
            : null;
    }
}
