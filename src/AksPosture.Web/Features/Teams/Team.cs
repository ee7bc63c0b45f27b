namespace AksPosture.Web.Features.Teams;

/// <summary>
/// A group of people and the clusters they answer for: a set of subscriptions and/or one Azure tag. A cluster belongs to
/// the team when its subscription is listed or it carries the tag. Members are the Entra ID groups listed here.
/// </summary>
public sealed class Team
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Subscription GUIDs, lower-case.</summary>
    public List<string> SubscriptionIds { get; set; } = [];

    /// <summary>A tag name, lower-case because Azure compares tag names case-insensitively; null for none.</summary>
    public string? TagKey { get; set; }

    /// <summary>The tag value, compared as written.</summary>
    public string? TagValue { get; set; }

    /// <summary>Object ids of the Entra ID groups whose members belong to the team.</summary>
    public List<string> EntraGroupIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
