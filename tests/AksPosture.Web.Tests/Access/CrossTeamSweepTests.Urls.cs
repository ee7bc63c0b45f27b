namespace AksPosture.Web.Tests.Access;

public sealed partial class CrossTeamSweepTests
{
    /// <summary>
    /// The requests for one route: a route with parameters gets the Orders team's ids; one without gets no query and
    /// each filter the portal's lists read, set to the Orders team's cluster, subscription, team or tag. Null for a route
    /// whose parameters are not listed here, so a new one cannot slip past the sweep.
    /// </summary>
    private static IReadOnlyList<string>? Urls(string pattern, OtherTeamData orders)
    {
        var first = orders.First;
        return pattern switch
        {
            "/api/v1/findings/{key}" => [$"/api/v1/findings/{orders.Finding}"],
            "/api/v1/findings/{key}/comments" => [$"/api/v1/findings/{orders.Finding}/comments"],
            "/api/v1/exceptions/{id:guid}" => [$"/api/v1/exceptions/{orders.ExceptionId}"],
            "/api/v1/attestations/{id:guid}" => [$"/api/v1/attestations/{orders.AttestationId}"],
            "/api/v1/assessments/{id:guid}" => [$"/api/v1/assessments/{orders.OnlyRunId}"],
            "/api/v1/assessments/{id:guid}/diff" => [$"/api/v1/assessments/{orders.OnlyRunId}/diff?against={orders.EarlierRunId}"],
            "/api/v1/teams/{id:guid}" => [$"/api/v1/teams/{orders.TeamId}"],

            // Schedules belong to no team; any id will do to see the answer carries nothing of the Orders team.
            "/api/v1/schedules/{id:guid}" => [$"/api/v1/schedules/{Guid.NewGuid()}"],
            "/clusters/{Id:guid}" => orders.Clusters.Select(c => $"/clusters/{c.Id}").ToList(),
            "/subscriptions/{Id}" => [$"/subscriptions/{orders.OnlySubscriptionId}", $"/subscriptions/{first.SubscriptionId}"],
            "/rules/{Id}" => [$"/rules/{orders.Finding.RuleId}"],
            "/findings/{Key}" => [$"/findings/{orders.Finding}"],
            "/ops/jobs/{**path}" => ["/ops/jobs"],
            _ when pattern.Contains('{') => null,
            _ => Filters(orders).SelectMany(query => Formats(pattern).Select(format => Join(pattern, format, query))).ToList(),
        };
    }

    private static IEnumerable<string> Filters(OtherTeamData orders)
    {
        var first = orders.First;
        var arm = Uri.EscapeDataString(first.ArmId);
        yield return "";
        yield return "pageSize=500&includeGone=true";
        yield return $"clusterId={first.Id}";
        yield return $"clusterId={arm}";
        // The API names them subscriptionId and teamId, the pages' filter bars subscription(s) and team.
        yield return $"subscriptionId={orders.OnlySubscriptionId}&subscription={orders.OnlySubscriptionId}&subscriptions={orders.OnlySubscriptionId}";
        yield return $"subscriptionId={first.SubscriptionId}&subscription={first.SubscriptionId}&subscriptions={first.SubscriptionId}";
        yield return $"teamId={orders.TeamId}&team={orders.TeamId}";
        yield return $"tag=team%3D{OtherTeamData.TagValue}";
        yield return $"q={Uri.EscapeDataString(first.Name)}";
        yield return "state=all";
        yield return "groupBy=team";
        yield return $"scope=cluster:{arm}";
        yield return $"scope=subscription:{orders.OnlySubscriptionId}";
    }

    // An export answers only when told its format.
    private static string[] Formats(string pattern) =>
        pattern.EndsWith("/export", StringComparison.Ordinal) ? ["format=csv", "format=json"] : [""];

    private static string Join(string path, params string[] query) =>
        query.Where(q => q.Length > 0).ToList() is { Count: > 0 } parts ? $"{path}?{string.Join('&', parts)}" : path;
}
