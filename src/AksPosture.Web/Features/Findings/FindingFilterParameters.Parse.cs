using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Findings;

/// <summary>Reading a filter: every problem names the parameter and what it accepts.</summary>
public sealed partial record FindingFilterParameters
{
    private const int MaxTextLength = 200;

    private static readonly string StateValues = string.Join(", ", Enum.GetNames<FindingState>().Select(n => n.ToLowerInvariant())) + ", active";
    private static readonly string PillarValues = string.Join(", ", PillarNames.All.Select(p => p.Key()));
    private static readonly string SeverityValues = string.Join(", ", Enum.GetNames<Severity>().Select(n => n.ToLowerInvariant()));

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
