namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Reads that several rules share, with the API defaults for absent properties (spec §1.3).</summary>
internal static class ClusterFacts
{
    public const string LearnBase = "https://learn.microsoft.com/azure/aks/";

    /// <summary><c>sku.tier</c>; absent means Free. The legacy value "Paid" is today's Standard.</summary>
    public static string SkuTier(this Probe probe)
    {
        var tier = probe.Text("sku.tier");
        return tier switch
        {
            null => "Free",
            _ when tier.Equals("Paid", StringComparison.OrdinalIgnoreCase) => "Standard",
            _ => tier,
        };
    }

    public static bool IsPaidTier(string tier) =>
        tier.Equals("Standard", StringComparison.OrdinalIgnoreCase) || tier.Equals("Premium", StringComparison.OrdinalIgnoreCase);

    public static bool IsKnownTier(string tier) => IsPaidTier(tier) || tier.Equals("Free", StringComparison.OrdinalIgnoreCase);

    public static bool IsPrivateCluster(this Probe probe) =>
        probe.Bool("properties.apiServerAccessProfile.enablePrivateCluster") == true;

    /// <summary>Add-on keys are matched case-insensitively (<c>azurepolicy</c> vs <c>azurePolicy</c>).</summary>
    public static bool AddonEnabled(this Probe probe, string addon) =>
        probe.Bool($"properties.addonProfiles.{addon}.enabled") == true;

    /// <summary><c>properties.nodeProvisioningProfile.mode</c>; absent means Manual.</summary>
    public static bool NodeAutoProvisioning(this Probe probe) =>
        string.Equals(probe.Text("properties.nodeProvisioningProfile.mode"), "Auto", StringComparison.OrdinalIgnoreCase);

    public static bool IsOneOf(this string? value, params string[] candidates) =>
        value is not null && candidates.Contains(value, StringComparer.OrdinalIgnoreCase);
}
