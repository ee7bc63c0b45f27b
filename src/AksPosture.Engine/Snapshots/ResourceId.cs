namespace AksPosture.Engine.Snapshots;

/// <summary>The parts of an ARM resource id the engine needs; ids compare case-insensitively.</summary>
public sealed record ResourceId(string SubscriptionId, string ResourceGroup, string Name)
{
    public static ResourceId? TryParse(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? subscription = null, group = null;
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            if (parts[i].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
            {
                subscription ??= parts[i + 1];
            }
            else if (parts[i].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                group ??= parts[i + 1];
            }
        }

        return subscription is null ? null : new ResourceId(subscription, group ?? "", parts[^1]);
    }
}
