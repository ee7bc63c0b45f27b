namespace AksPosture.Web.Features.Teams;

/// <summary>
/// The filters a page or API call applies to the whole fleet: team, subscription, environment and one tag. A null field
/// does not filter; all given fields must hold. <see cref="SubscriptionIds"/> keeps a cluster in any of the listed
/// subscriptions (a manager's scorecard over several subscriptions); <see cref="ClusterId"/> narrows to one cluster.
/// </summary>
public sealed record ClusterFilter(
    Guid? TeamId = null,
    string? SubscriptionId = null,
    string? Environment = null,
    string? TagKey = null,
    string? TagValue = null,
    IReadOnlyList<string>? SubscriptionIds = null,
    Guid? ClusterId = null)
{
    public static ClusterFilter None { get; } = new();

    public bool IsEmpty => this == None;

    /// <summary>Reads <c>key=value</c>; Azure compares tag names case-insensitively, so the key is lower-cased.</summary>
    public static bool TryParseTag(string? text, out string? key, out string? value)
    {
        key = value = null;
        var equals = text?.IndexOf('=') ?? -1;
        if (text is null || equals <= 0)
        {
            return false;
        }

        key = text[..equals].Trim().ToLowerInvariant();
        value = text[(equals + 1)..].Trim();
        return key.Length > 0;
    }
}
