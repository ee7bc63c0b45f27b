namespace AksPosture.Web.Features.Scorecard;

/// <summary>Reads the scorecard's query string: <c>?team={id}</c> or <c>?subscriptions={id},{id}</c>.</summary>
public static class ScorecardRequest
{
    public static (Guid? TeamId, IReadOnlyList<string> SubscriptionIds, string? Problem) Parse(string? team, string? subscriptions)
    {
        Guid? teamId = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            if (!Guid.TryParse(team, out var id))
            {
                return (null, [], $"team '{team}' is not a team id: use /scorecard?team=<team id> or /scorecard?subscriptions=<id>,<id>.");
            }

            teamId = id;
        }

        var ids = (subscriptions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.FirstOrDefault(s => !Guid.TryParse(s, out _)) is { } bad)
        {
            return (null, [], $"subscription '{bad}' is not a subscription id (a GUID): use /scorecard?subscriptions=<id>,<id>.");
        }

        return (teamId, ids.Select(s => Guid.Parse(s).ToString("D")).Distinct().ToList(), null);
    }
}
