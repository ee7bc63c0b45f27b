using AksPosture.Web.Features.Teams;
using Microsoft.AspNetCore.WebUtilities;

namespace AksPosture.Web.Features.Fleet;

/// <summary>
/// The fleet filter in a page's query string — <c>?team={id}&amp;subscription={id}&amp;environment={name}&amp;tag={key}={value}</c> —
/// so a filtered page is a link people can share.
/// </summary>
public static class FleetFilterQuery
{
    public const string Team = "team";
    public const string Subscription = "subscription";
    public const string Environment = "environment";
    public const string Tag = "tag";

    public static IReadOnlyList<string> Keys { get; } = [Team, Subscription, Environment, Tag];

    /// <summary>Reads the filter from a URI; values that cannot be read are left out and named in the problems.</summary>
    public static (ClusterFilter Filter, IReadOnlyList<string> Problems) Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Value(string key) => query.TryGetValue(key, out var values) && values.LastOrDefault() is { Length: > 0 } value ? value.Trim() : null;

        var problems = new List<string>();
        Guid? team = null;
        if (Value(Team) is { } teamText)
        {
            if (Guid.TryParse(teamText, out var id))
            {
                team = id;
            }
            else
            {
                problems.Add($"team '{teamText}' is not a team id; choose a team from the list");
            }
        }

        string? tagKey = null, tagValue = null;
        if (Value(Tag) is { } tagText && !ClusterFilter.TryParseTag(tagText, out tagKey, out tagValue))
        {
            problems.Add($"tag '{tagText}' is not key=value, e.g. team=payments");
        }

        return (new ClusterFilter(team, Value(Subscription)?.ToLowerInvariant(), Value(Environment), tagKey, tagValue), problems);
    }

    /// <summary>The filter as query parameters; null values remove a parameter.</summary>
    public static Dictionary<string, object?> ToParameters(ClusterFilter filter) => new()
    {
        [Team] = filter.TeamId?.ToString(),
        [Subscription] = filter.SubscriptionId,
        [Environment] = filter.Environment,
        [Tag] = filter.TagKey is { } key ? $"{key}={filter.TagValue}" : null,
    };

    /// <summary>The filter as a query string to append to a link (<c>?…</c>, or empty for no filter).</summary>
    public static string ToQueryString(ClusterFilter filter)
    {
        var pairs = ToParameters(filter).Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString((string)p.Value!)}").ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }
}
