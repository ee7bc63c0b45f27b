namespace AksPosture.Web.Features.Teams;

/// <summary>
/// A team as the form edits it: lists as text (one id per line or comma-separated) and the tag filter as
/// <c>key=value</c>. <see cref="Validate"/> says what to fix before anything is saved.
/// </summary>
public sealed class TeamDraft
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string SubscriptionIds { get; set; } = "";

    public string Tag { get; set; } = "";

    public string EntraGroupIds { get; set; } = "";

    public static TeamDraft From(Team team) => new()
    {
        Name = team.Name,
        Description = team.Description,
        SubscriptionIds = string.Join("\n", team.SubscriptionIds),
        Tag = team.TagKey is { } key ? $"{key}={team.TagValue}" : "",
        EntraGroupIds = string.Join("\n", team.EntraGroupIds),
    };

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("Name is required.");
        }
        else if (Name.Trim().Length > 128)
        {
            errors.Add("Name is longer than 128 characters; shorten it.");
        }

        if (Description.Length > 1024)
        {
            errors.Add("Description is longer than 1024 characters; shorten it.");
        }

        errors.AddRange(Ids(SubscriptionIds).Where(id => !Guid.TryParse(id, out _))
            .Select(id => $"Subscription '{id}' is not a subscription id (a GUID such as 3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11)."));
        errors.AddRange(Ids(EntraGroupIds).Where(id => !Guid.TryParse(id, out _))
            .Select(id => $"Entra group '{id}' is not a group object id (a GUID)."));

        var hasTag = !string.IsNullOrWhiteSpace(Tag);
        if (hasTag && !ClusterFilter.TryParseTag(Tag, out _, out _))
        {
            errors.Add($"Tag filter '{Tag.Trim()}' is not key=value, e.g. team=payments.");
        }

        if (!hasTag && Ids(SubscriptionIds).Count == 0)
        {
            errors.Add("Give subscriptions, a tag filter or both: without either the team has no clusters.");
        }

        return errors;
    }

    /// <summary>Copies a valid draft onto <paramref name="team"/>; ids are normalised to lower-case GUIDs.</summary>
    public void ApplyTo(Team team)
    {
        team.Name = Name.Trim();
        team.Description = Description.Trim();
        team.SubscriptionIds = Ids(SubscriptionIds).Select(Normalise).Distinct().ToList();
        team.EntraGroupIds = Ids(EntraGroupIds).Select(Normalise).Distinct().ToList();
        ClusterFilter.TryParseTag(Tag, out var key, out var value);
        team.TagKey = key;
        team.TagValue = key is null ? null : value;
    }

    private static List<string> Ids(string text) =>
        text.Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Normalise(string id) => Guid.Parse(id).ToString("D");
}
