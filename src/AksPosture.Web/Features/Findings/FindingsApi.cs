using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Findings;

public static class FindingsApi
{
    private static readonly string StatusValues = string.Join(", ", Enum.GetNames<FindingState>().Select(n => n.ToLowerInvariant()));
    private static readonly string PillarValues = string.Join(", ", PillarNames.All.Select(p => p.Key()));
    private static readonly string SeverityValues = string.Join(", ", Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()));

    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/findings").WithTags("Findings").RequireAuthorization(PortalPolicies.Read);
        group.MapGet("/", ListAsync)
            .WithName("ListFindings")
            .WithSummary("Findings with their lifecycle (new, open, resolved, reopened), most recently seen first.");
        return app;
    }

    private static async Task<Results<Ok<FindingPage>, ProblemHttpResult>> ListAsync(
        FindingQueries queries,
        ClaimsPrincipal user,
        CancellationToken cancellationToken,
        string? status = null,
        string? pillar = null,
        string? severity = null,
        string? subscriptionId = null,
        string? clusterId = null,
        string? ruleId = null,
        bool includeGone = false,
        [Range(1, int.MaxValue)] int page = 1,
        [Range(1, 500)] int pageSize = 50)
    {
        var problems = new List<string>();
        var state = ParseEnum<FindingState>(status, "status", StatusValues, problems);
        Pillar? pillarValue = null;
        if (pillar is not null)
        {
            pillarValue = PillarNames.FromKey(pillar);
            if (pillarValue is null)
            {
                problems.Add($"pillar '{pillar}' is not one of {PillarValues}");
            }
        }

        var severityValue = ParseEnum<Severity>(severity, "severity", SeverityValues, problems);
        string? subscription = null;
        if (subscriptionId is not null)
        {
            if (Guid.TryParse(subscriptionId, out var id))
            {
                subscription = id.ToString("D");
            }
            else
            {
                problems.Add($"subscriptionId '{subscriptionId}' is not a subscription GUID");
            }
        }

        Guid? clusterGuid = null;
        string? clusterArmId = null;
        if (clusterId is not null)
        {
            if (Guid.TryParse(clusterId, out var id))
            {
                clusterGuid = id;
            }
            else if (ResourceId.TryParse(clusterId) is not null)
            {
                clusterArmId = clusterId.ToLowerInvariant();
            }
            else
            {
                problems.Add($"clusterId '{clusterId}' is neither a portal cluster id (GUID) nor the ARM resource id of a cluster");
            }
        }

        if (problems.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown filter value", detail: string.Join("; ", problems) + ".");
        }

        var filter = new FindingFilter(state, pillarValue, severityValue, subscription, clusterGuid, clusterArmId, ruleId, includeGone);
        return TypedResults.Ok(await queries.ListAsync(PortalUser.FromPrincipal(user), filter, page, pageSize, cancellationToken));
    }

    private static TEnum? ParseEnum<TEnum>(string? text, string name, string allowed, List<string> problems)
        where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, out _) && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        problems.Add($"{name} '{text}' is not one of {allowed}");
        return null;
    }
}
