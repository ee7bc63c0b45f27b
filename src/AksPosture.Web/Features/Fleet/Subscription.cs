namespace AksPosture.Web.Features.Fleet;

/// <summary>An Azure subscription that holds assessed clusters.</summary>
public sealed class Subscription
{
    /// <summary>The subscription GUID, lower-case, so ids from different sources match.</summary>
    public required string SubscriptionId { get; set; }

    public required string DisplayName { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public List<Cluster> Clusters { get; set; } = [];
}
