namespace AksPosture.Engine.Rules.Catalog;

/// <summary>
/// Azure regions with and without availability zones, from the Azure regions list. The zone support of a
/// particular VM size in a region needs the Compute SKU list; until that is collected the region decides.
/// </summary>
internal static class ZonalRegions
{
    private static readonly HashSet<string> WithZones = new(StringComparer.OrdinalIgnoreCase)
    {
        "australiaeast", "austriaeast", "belgiumcentral", "brazilsouth", "canadacentral", "centralindia", "centralus",
        "chilecentral", "eastasia", "eastus", "eastus2", "francecentral", "germanywestcentral", "indonesiacentral",
        "israelcentral", "italynorth", "japaneast", "japanwest", "koreacentral", "malaysiawest", "mexicocentral",
        "newzealandnorth", "northeurope", "norwayeast", "polandcentral", "qatarcentral", "southafricanorth",
        "southcentralus", "southeastasia", "spaincentral", "swedencentral", "switzerlandnorth", "uaenorth", "uksouth",
        "westeurope", "westus2", "westus3", "usgovvirginia", "chinanorth3",
    };

    private static readonly HashSet<string> WithoutZones = new(StringComparer.OrdinalIgnoreCase)
    {
        "westus", "northcentralus", "westcentralus", "canadaeast", "ukwest", "australiasoutheast", "australiacentral",
        "australiacentral2", "francesouth", "germanynorth", "norwaywest", "switzerlandwest", "southindia", "westindia",
        "koreasouth", "uaecentral", "southafricawest", "brazilsoutheast", "swedensouth", "jioindiawest", "jioindiacentral",
    };

    /// <summary>True when the region has zones, false when it has none, null when the region is not in either list.</summary>
    public static bool? HasZones(string region) =>
        WithZones.Contains(region) ? true : WithoutZones.Contains(region) ? false : null;
}
