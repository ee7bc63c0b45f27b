using System.Globalization;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Scores;

public sealed record TrendResponse(string Scope, string Interval, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<TrendPoint> Points);

public static class TrendApi
{
    private static readonly TimeSpan LongestRange = TimeSpan.FromDays(3 * 366);

    public static async Task<Results<Ok<TrendResponse>, ProblemHttpResult>> GetTrendAsync(
        TrendQueries queries, TimeProvider time, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? scope = null, string? from = null, string? to = null, string? interval = null)
    {
        var problems = new List<string>();
        if (!ScoreScope.TryParse(scope, out var parsedScope))
        {
            problems.Add($"'{scope}' is not a scope: use 'fleet', 'subscription:<subscription GUID>' or 'cluster:<ARM resource id of the cluster>'");
        }

        TrendInterval? bucket = interval?.Trim().ToLowerInvariant() switch
        {
            null or "" or "day" => TrendInterval.Day,
            "week" => TrendInterval.Week,
            _ => null,
        };
        if (bucket is null)
        {
            problems.Add($"interval '{interval}' is not 'day' or 'week'");
        }

        var end = ParseTime(to, "to", problems) ?? time.GetUtcNow();
        var start = ParseTime(from, "from", problems) ?? end - (bucket == TrendInterval.Week ? TimeSpan.FromDays(26 * 7) : TimeSpan.FromDays(30));
        if (problems.Count == 0 && start >= end)
        {
            problems.Add($"'from' ({start:O}) must be before 'to' ({end:O})");
        }
        else if (problems.Count == 0 && end - start > LongestRange)
        {
            problems.Add("a trend spans at most three years: narrow 'from' and 'to'");
        }

        if (problems.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The trend cannot be drawn", detail: string.Join("; ", problems) + ".");
        }

        var points = await queries.GetAsync(PortalUser.FromPrincipal(user), parsedScope, start, end, bucket!.Value, cancellationToken);
        return points is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"No {parsedScope.Kind.ToString().ToLowerInvariant()} '{parsedScope.Id}' has been assessed; check the id, or import the cluster first.")
            : TypedResults.Ok(new TrendResponse(parsedScope.ToString(), bucket.Value.ToString().ToLowerInvariant(), start, end, points));
    }

    /// <summary>An ISO 8601 date or date-time; a date means its start, in UTC.</summary>
    internal static DateTimeOffset? ParseTime(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        problems.Add($"'{name}' ('{text}') is not an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z");
        return null;
    }
}
