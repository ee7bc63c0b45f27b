namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>
/// Checks that Microsoft's own lists (Azure Policy, AKS documentation) and respected tools (PSRule for Azure) make and
/// the guide leaves implicit. Uptime SLA tiers for production and managed identity are in the guide already:
/// AKS-REL-08 and AKS-SEC-07.
/// </summary>
internal static class PlatformRules
{
    public static IEnumerable<Rule> All() => UpgradeRules.All().Concat(NodePoolRules.All()).Concat(LegacyFeatureRules.All());
}
