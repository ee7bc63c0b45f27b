using System.ComponentModel.DataAnnotations;
using AksPosture.Web.Features.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Governance;

/// <summary>The query parameters of the exception and attestation lists: state, rule, cluster, the cluster filters and paging.</summary>
public sealed record ListQuery(
    string? State = null,
    string? RuleId = null,
    Guid? ClusterId = null,
    Guid? TeamId = null,
    string? SubscriptionId = null,
    string? Environment = null,
    string? Tag = null,
    [property: Range(1, int.MaxValue)] int Page = 1,
    [property: Range(1, 500)] int PageSize = 50)
{
    /// <summary>Rule ids are upper-case in the catalog; any spelling finds them.</summary>
    public string? NormalisedRuleId => RuleId?.Trim().ToUpperInvariant();
}

/// <summary>The cluster filters the exception and attestation lists accept, read from query parameters.</summary>
public static class ListFilters
{
    /// <summary>The filter; a value that cannot be read adds a problem and is left out.</summary>
    public static ClusterFilter Clusters(ListQuery query, List<string> problems)
    {
        var (teamId, subscriptionId, environment, tag) = (query.TeamId, query.SubscriptionId, query.Environment, query.Tag);
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

        string? tagKey = null, tagValue = null;
        if (tag is not null && !ClusterFilter.TryParseTag(tag, out tagKey, out tagValue))
        {
            problems.Add($"tag '{tag}' is not key=value, e.g. team=payments");
        }

        return new ClusterFilter(teamId, subscription, string.IsNullOrWhiteSpace(environment) ? null : environment.Trim(), tagKey, tagValue);
    }

    public static ProblemHttpResult Invalid(List<string> problems) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown filter value", detail: string.Join("; ", problems) + ".");

    /// <summary>An optional enum key; a value that is not one adds a problem.</summary>
    public static TEnum? Enum<TEnum>(string? text, string name, List<string> problems)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = EnumKeys.Parse<TEnum>(text);
        if (value is null)
        {
            problems.Add($"{name} '{text}' is not one of {EnumKeys.List<TEnum>()}");
        }

        return value;
    }
}
