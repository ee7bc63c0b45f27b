using System.Globalization;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Remediation;

/// <summary>Progress reports over the clusters a user may see: burn-down, time to remediate and where active findings stand.</summary>
internal static class RemediationReportsApi
{
    public const int DefaultBurnDownDays = 90;
    public const int DefaultMttrDays = 365;
    public const int MaxDays = 731;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/remediation").WithTags("Remediation").RequireAuthorization(PortalPolicies.Read);
        group.MapGet("/burndown", BurnDownAsync)
            .WithName("GetBurnDown")
            .WithSummary("Active findings at the end of each day, per pillar (groupBy=pillar) or per team (groupBy=team).");
        group.MapGet("/mttr", MttrAsync)
            .WithName("GetMeanTimeToRemediate")
            .WithSummary("Mean and median days from first seen to resolved, per pillar and severity, for findings resolved in the window.");
        group.MapGet("/summary", SummaryAsync)
            .WithName("GetRemediationSummary")
            .WithSummary("Active findings: unassigned, overdue and by workflow status.");
    }

    private static async Task<Results<Ok<BurnDown>, ProblemHttpResult>> BurnDownAsync(
        ClaimsPrincipal principal, BurnDownQueries queries, TimeProvider time, CancellationToken cancellationToken,
        string? teamId = null, string? subscriptionId = null, string? environment = null, string? tag = null,
        string? from = null, string? to = null, string? groupBy = null)
    {
        var problems = new List<string>();
        var filter = FindingFilterParameters.ParseClusterFilter(teamId, subscriptionId, environment, tag, problems);
        var (start, end) = ReadWindow(from, to, DefaultBurnDownDays, time, problems);
        var grouping = groupBy?.ToLowerInvariant() switch
        {
            null or "" or "pillar" => BurnDownGrouping.Pillar,
            "team" => BurnDownGrouping.Team,
            _ => Problem(problems, $"groupBy '{groupBy}' is not pillar or team"),
        };
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await queries.GetAsync(PortalUser.FromPrincipal(principal), filter, start, end, grouping, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<MttrRow>>, ProblemHttpResult>> MttrAsync(
        ClaimsPrincipal principal, MttrQueries queries, TimeProvider time, CancellationToken cancellationToken,
        string? teamId = null, string? subscriptionId = null, string? environment = null, string? tag = null, string? from = null, string? to = null)
    {
        var problems = new List<string>();
        var filter = FindingFilterParameters.ParseClusterFilter(teamId, subscriptionId, environment, tag, problems);
        var (start, end) = ReadWindow(from, to, DefaultMttrDays, time, problems);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await queries.GetAsync(PortalUser.FromPrincipal(principal), filter, start, end, cancellationToken));
    }

    private static async Task<Results<Ok<RemediationSummary>, ProblemHttpResult>> SummaryAsync(
        ClaimsPrincipal principal, RemediationSummaryQueries queries, CancellationToken cancellationToken,
        string? teamId = null, string? subscriptionId = null, string? environment = null, string? tag = null)
    {
        var problems = new List<string>();
        var filter = FindingFilterParameters.ParseClusterFilter(teamId, subscriptionId, environment, tag, problems);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await queries.GetAsync(PortalUser.FromPrincipal(principal), filter, cancellationToken));
    }

    /// <summary>UTC days, both inclusive; by default the <paramref name="defaultDays"/> days up to today.</summary>
    public static (DateOnly From, DateOnly To) ReadWindow(string? from, string? to, int defaultDays, TimeProvider time, List<string> problems)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var end = Day(to, "to", problems) ?? today;
        var start = Day(from, "from", problems) ?? end.AddDays(1 - defaultDays);
        if (start > end)
        {
            problems.Add($"from {start:yyyy-MM-dd} is after to {end:yyyy-MM-dd}");
        }
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            problems.Add($"the window from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer than {MaxDays} days; shorten it");
        }

        return (start, end);
    }

    private static DateOnly? Day(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"{name} '{text}' is not a date; write it as YYYY-MM-DD");
        return null;
    }

    private static BurnDownGrouping Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return BurnDownGrouping.Pillar;
    }

    private static ProblemHttpResult Invalid(List<string> problems) =>
        RemediationApi.BadRequest("Invalid report parameters", string.Join("; ", problems) + ".");
}
