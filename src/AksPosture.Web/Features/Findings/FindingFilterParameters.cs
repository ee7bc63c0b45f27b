using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// A finding filter as text, the way the list, the export, a bulk change and the explorer's address bar all write it,
/// so each reads a filter with the same rules and the same error messages.
/// </summary>
public sealed record FindingFilterParameters
{
    public const string UnassignedOwner = "none";

    public const string CurrentUserOwner = "me";

    private const int MaxTextLength = 200;

    private static readonly string StateValues = string.Join(", ", Enum.GetNames<FindingState>().Select(n => n.ToLowerInvariant())) + ", active";
    private static readonly string PillarValues = string.Join(", ", PillarNames.All.Select(p => p.Key()));
    private static readonly string SeverityValues = string.Join(", ", Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()));

    /// <summary>The parameter names, as the query string writes them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["status", "pillar", "severity", "subscriptionId", "clusterId", "ruleId", "teamId", "environment", "tag", "workflowStatus", "owner", "overdue", "q", "includeGone"];

    /// <summary>Lifecycle states, comma-separated; <c>active</c> stands for new, open and reopened.</summary>
    public string? Status { get; init; }

    public string? Pillar { get; init; }

    public string? Severity { get; init; }

    public string? SubscriptionId { get; init; }

    /// <summary>The portal's cluster id (GUID) or the cluster's ARM resource id.</summary>
    public string? ClusterId { get; init; }

    public string? RuleId { get; init; }

    public string? TeamId { get; init; }

    public string? Environment { get; init; }

    /// <summary><c>key=value</c>.</summary>
    public string? Tag { get; init; }

    public string? WorkflowStatus { get; init; }

    /// <summary>An owner as written, <c>none</c> for unassigned findings or <c>me</c> for the caller's own.</summary>
    public string? Owner { get; init; }

    public string? Overdue { get; init; }

    /// <summary>Text to find in the rule id or title, the object key or the cluster name.</summary>
    public string? Q { get; init; }

    public string? IncludeGone { get; init; }

    /// <summary>Reads parameters from any name-to-value lookup (a query string, a JSON object), names compared without case.</summary>
    public static FindingFilterParameters From(Func<string, string?> value) => new()
    {
        Status = value("status"),
        Pillar = value("pillar"),
        Severity = value("severity"),
        SubscriptionId = value("subscriptionId"),
        ClusterId = value("clusterId"),
        RuleId = value("ruleId"),
        TeamId = value("teamId"),
        Environment = value("environment"),
        Tag = value("tag"),
        WorkflowStatus = value("workflowStatus"),
        Owner = value("owner"),
        Overdue = value("overdue"),
        Q = value("q"),
        IncludeGone = value("includeGone"),
    };

    /// <summary>The parameters that select exactly <paramref name="filter"/>.</summary>
    public static FindingFilterParameters For(FindingFilter filter) => new()
    {
        Status = filter.States.Count == 0 ? null : string.Join(',', filter.States.Select(s => s.ToString().ToLowerInvariant())),
        Pillar = filter.Pillar?.Key(),
        Severity = filter.Severity?.ToString().ToLowerInvariant(),
        SubscriptionId = filter.Clusters.SubscriptionId,
        ClusterId = filter.ClusterId?.ToString() ?? filter.ClusterArmIdKey,
        RuleId = filter.RuleId,
        TeamId = filter.Clusters.TeamId?.ToString(),
        Environment = filter.Clusters.Environment,
        Tag = filter.Clusters.TagKey is { } key ? $"{key}={filter.Clusters.TagValue}" : null,
        WorkflowStatus = filter.WorkflowStatus?.Key(),
        Owner = filter.Unassigned ? UnassignedOwner : filter.Owner,
        Overdue = filter.Overdue ? "true" : null,
        Q = filter.Text,
        IncludeGone = filter.IncludeGone ? "true" : null,
    };

    /// <summary>The given parameters as a query string (without '?'), in a fixed order.</summary>
    public string ToQueryString()
    {
        string?[] values = [Status, Pillar, Severity, SubscriptionId, ClusterId, RuleId, TeamId, Environment, Tag, WorkflowStatus, Owner, Overdue, Q, IncludeGone];
        return QueryString.Create(Names.Zip(values).Where(p => !string.IsNullOrEmpty(p.Second)).Select(p => KeyValuePair.Create(p.First, p.Second)))
            .ToUriComponent().TrimStart('?');
    }

    /// <summary>The filter, or the problems that keep it from being one (each says what is allowed).</summary>
    public (FindingFilter? Filter, IReadOnlyList<string> Problems) Parse(PortalUser user)
    {
        var problems = new List<string>();
        var filter = new FindingFilter
        {
            States = ParseStates(problems),
            Pillar = ParseWith(Pillar, "pillar", PillarValues, PillarNames.FromKey, problems),
            Severity = ParseWith(Severity, "severity", SeverityValues, ParseSeverity, problems),
            Clusters = ParseClusterFilter(TeamId, SubscriptionId, Environment, Tag, problems),
            RuleId = Blank(RuleId) ? null : RuleCatalog.Find(RuleId!.Trim())?.Definition.Id ?? RuleId.Trim(),
            WorkflowStatus = ParseWith(WorkflowStatus, "workflowStatus", WorkflowStatusNames.AllowedKeys, WorkflowStatusNames.FromKey, problems),
            Overdue = ParseBool(Overdue, "overdue", problems),
            IncludeGone = ParseBool(IncludeGone, "includeGone", problems),
            Text = Blank(Q) ? null : Q!.Trim(),
        };
        filter = ParseCluster(filter, problems);
        filter = ParseOwner(filter, user, problems);
        if (filter.Text is { Length: > MaxTextLength })
        {
            problems.Add($"q is {filter.Text.Length} characters long; search with at most {MaxTextLength}");
        }

        return problems.Count > 0 ? (null, problems) : (filter, problems);
    }

    private List<FindingState> ParseStates(List<string> problems)
    {
        var states = new List<FindingState>();
        foreach (var word in (Status ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("active", StringComparison.OrdinalIgnoreCase))
            {
                states.AddRange([FindingState.New, FindingState.Open, FindingState.Reopened]);
            }
            else if (!int.TryParse(word, out _) && Enum.TryParse<FindingState>(word, ignoreCase: true, out var state))
            {
                states.Add(state);
            }
            else
            {
                problems.Add($"status '{word}' is not one of {StateValues}");
            }
        }

        return states.Distinct().Order().ToList();
    }

    /// <summary>Reads the filters that select clusters (team, subscription, environment, tag); pages and reports share it.</summary>
    public static ClusterFilter ParseClusterFilter(string? teamId, string? subscriptionId, string? environment, string? tag, List<string> problems)
    {
        string? subscription = null;
        if (!Blank(subscriptionId))
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

        Guid? team = null;
        if (!Blank(teamId))
        {
            if (Guid.TryParse(teamId, out var id))
            {
                team = id;
            }
            else
            {
                problems.Add($"teamId '{teamId}' is not a team id (a GUID)");
            }
        }

        string? tagKey = null, tagValue = null;
        if (!Blank(tag) && !ClusterFilter.TryParseTag(tag, out tagKey, out tagValue))
        {
            problems.Add($"tag '{tag}' is not key=value");
        }

        return new ClusterFilter(team, subscription, Blank(environment) ? null : environment!.Trim(), tagKey, tagValue);
    }

    private FindingFilter ParseCluster(FindingFilter filter, List<string> problems)
    {
        if (Blank(ClusterId))
        {
            return filter;
        }

        if (Guid.TryParse(ClusterId, out var id))
        {
            return filter with { ClusterId = id };
        }

        if (ResourceId.TryParse(ClusterId!) is not null)
        {
            return filter with { ClusterArmIdKey = ClusterId!.ToLowerInvariant() };
        }

        problems.Add($"clusterId '{ClusterId}' is neither a portal cluster id (GUID) nor the ARM resource id of a cluster");
        return filter;
    }

    private FindingFilter ParseOwner(FindingFilter filter, PortalUser user, List<string> problems)
    {
        if (Blank(Owner))
        {
            return filter;
        }

        var owner = Owner!.Trim();
        if (owner.Length > FindingRemediation.OwnerMaxLength)
        {
            problems.Add($"owner is {owner.Length} characters long; an owner has at most {FindingRemediation.OwnerMaxLength}");
        }

        return owner.ToLowerInvariant() switch
        {
            UnassignedOwner => filter with { Unassigned = true },
            CurrentUserOwner => filter with { Owner = user.Name },
            _ => filter with { Owner = owner },
        };
    }

    private static T? ParseWith<T>(string? text, string name, string allowed, Func<string, T?> parse, List<string> problems)
        where T : struct
    {
        if (Blank(text))
        {
            return null;
        }

        var value = parse(text!.Trim());
        if (value is null)
        {
            problems.Add($"{name} '{text}' is not one of {allowed}");
        }

        return value;
    }

    private static Severity? ParseSeverity(string text) =>
        !int.TryParse(text, out _) && Enum.TryParse<Severity>(text, ignoreCase: true, out var value) ? value : null;

    private static bool ParseBool(string? text, string name, List<string> problems)
    {
        if (Blank(text))
        {
            return false;
        }

        if (bool.TryParse(text!.Trim(), out var value))
        {
            return value;
        }

        problems.Add($"{name} '{text}' is not true or false");
        return false;
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
