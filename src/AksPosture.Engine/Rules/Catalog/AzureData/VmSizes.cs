using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// VM size facts: from the Compute SKU list when collected (capabilities "vCPUs", "vCPUsAvailable", "MemoryGB" —
/// verified in Microsoft.Compute 2021-07-01 ListAvailableResourceSkusForARegion.json), else vCPUs read from the size name.
/// </summary>
internal static partial class VmSizes
{
    // Old Dv2 / DSv2 memory-optimised sizes break the name rule (D11 has 2 vCPUs, not 11).
    private static readonly Dictionary<int, int> MemoryOptimisedDv2 = new() { [11] = 2, [12] = 4, [13] = 8, [14] = 16, [15] = 20 };

    public sealed record Facts(double? VCpus, double? MemoryGb, bool FromSkuList);

    /// <summary>B-series (burstable) sizes: Standard_B2s, Standard_B4ms, Standard_B2als_v2 …</summary>
    public static bool IsBurstable(string vmSize) => BurstablePattern().IsMatch(vmSize);

    public static JsonObject? FindSku(IReadOnlyList<JsonObject> skus, string vmSize, string location) =>
        skus.Where(s => string.Equals(AzureJson.Text(s, "name"), vmSize, StringComparison.OrdinalIgnoreCase)
                && (AzureJson.Text(s, "resourceType") is not { } type || type.Equals("virtualMachines", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(s => AzureJson.TextList(s, "locations").Contains(location, StringComparer.OrdinalIgnoreCase))
            .FirstOrDefault();

    public static Facts FromSku(JsonObject sku) =>
        new(Capability(sku, "vCPUsAvailable") ?? Capability(sku, "vCPUs"), Capability(sku, "MemoryGB"), true);

    /// <summary>vCPUs from the name: the number after the family letters; a constrained size "E4-2ds" has 2 active.</summary>
    public static double? VCpusFromName(string vmSize)
    {
        var match = SizePattern().Match(vmSize);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["active"].Success)
        {
            return int.Parse(match.Groups["active"].Value, CultureInfo.InvariantCulture);
        }

        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        var family = match.Groups["family"].Value;
        return family.Equals("D", StringComparison.OrdinalIgnoreCase) || family.Equals("DS", StringComparison.OrdinalIgnoreCase)
            ? MemoryOptimisedDv2.GetValueOrDefault(number, number)
            : number;
    }

    private static double? Capability(JsonObject sku, string name) =>
        AzureJson.Objects(sku, "capabilities")
            .Where(c => string.Equals(AzureJson.Text(c, "name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(c => AzureJson.Number(c, "value"))
            .FirstOrDefault();

    [GeneratedRegex(@"^Standard_B\d", RegexOptions.IgnoreCase)]
    private static partial Regex BurstablePattern();

    [GeneratedRegex(@"^Standard_(?<family>[A-Z]+)(?<number>\d+)(-(?<active>\d+))?", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
