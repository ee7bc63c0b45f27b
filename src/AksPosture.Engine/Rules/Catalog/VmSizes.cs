using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>
/// VM size facts: from the Compute SKU list when collected (capabilities "vCPUs", "vCPUsAvailable", "MemoryGB" —
/// verified in Microsoft.Compute 2021-07-01 ListAvailableResourceSkusForARegion.json), else read from the size name:
/// [family + subfamily][vCPUs][-constrained vCPUs][additive features]_…. Feature letters are lower case in the name;
/// 'p' marks an Arm CPU (Standard_D4ps_v5, Standard_E4pds_v5).
/// </summary>
internal static partial class VmSizes
{
    // Old Dv2 / DSv2 memory-optimised sizes break the name rule (D11 has 2 vCPUs, not 11).
    private static readonly Dictionary<int, int> MemoryOptimisedDv2 = new() { [11] = 2, [12] = 4, [13] = 8, [14] = 16, [15] = 20 };

    public sealed record Facts(double? VCpus, double? MemoryGb, bool FromSkuList);

    /// <summary>An Arm64 size, e.g. Ampere Altra (D/E ps_v5) or Cobalt (ps_v6); null when the name cannot be parsed.</summary>
    public static bool? IsArm64(string? vmSize) =>
        Parse(vmSize) is { } name ? name.Features.Contains('p', StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>N-series sizes carry GPUs (NC, ND, NV, NG) or other accelerators (NP FPGAs).</summary>
    public static bool IsAccelerated(string? vmSize) =>
        Parse(vmSize) is { } name && name.Family.StartsWith('N');

    /// <summary>B-series (burstable) sizes: Standard_B2s, Standard_B4ms, Standard_B2als_v2 …</summary>
    public static bool IsBurstable(string vmSize) =>
        Parse(vmSize) is { IsStandard: true, Family: "B" };

    /// <summary>vCPUs from the name: the number after the family letters; a constrained size "E4-2ds" has 2 active.</summary>
    public static double? VCpusFromName(string vmSize)
    {
        if (Parse(vmSize) is not { IsStandard: true } name)
        {
            return null;
        }

        if (name.Active is { } active)
        {
            return int.Parse(active, CultureInfo.InvariantCulture);
        }

        var number = int.Parse(name.Number, CultureInfo.InvariantCulture);
        return name.Family is "D" or "DS" ? MemoryOptimisedDv2.GetValueOrDefault(number, number) : number;
    }

    public static JsonObject? FindSku(IReadOnlyList<JsonObject> skus, string vmSize, string location) =>
        skus.Where(s => string.Equals(AzureJson.Text(s, "name"), vmSize, StringComparison.OrdinalIgnoreCase)
                && (AzureJson.Text(s, "resourceType") is not { } type || type.Equals("virtualMachines", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(s => AzureJson.TextList(s, "locations").Contains(location, StringComparer.OrdinalIgnoreCase))
            .FirstOrDefault();

    public static Facts FromSku(JsonObject sku) =>
        new(Capability(sku, "vCPUsAvailable") ?? Capability(sku, "vCPUs"), Capability(sku, "MemoryGB"), true);

    private static double? Capability(JsonObject sku, string name) =>
        AzureJson.Objects(sku, "capabilities")
            .Where(c => string.Equals(AzureJson.Text(c, "name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(c => AzureJson.Number(c, "value"))
            .FirstOrDefault();

    /// <summary>The parts of a size name; the family is upper-cased, the feature letters keep their case.</summary>
    private sealed record SizeName(bool IsStandard, string Family, string Number, string? Active, string Features);

    // A fleet uses a few dozen sizes and every pool rule asks about them; parse each name once (up to a bound,
    // so odd input cannot grow the table without limit).
    private const int MaxRemembered = 1024;
    private static readonly ConcurrentDictionary<string, SizeName?> Parsed = new(StringComparer.Ordinal);

    private static SizeName? Parse(string? vmSize)
    {
        if (vmSize is null)
        {
            return null;
        }

        if (Parsed.TryGetValue(vmSize, out var known))
        {
            return known;
        }

        var parsed = ParseName(vmSize);
        if (Parsed.Count < MaxRemembered)
        {
            Parsed.TryAdd(vmSize, parsed);
        }

        return parsed;
    }

    private static SizeName? ParseName(string vmSize)
    {
        var match = Pattern().Match(vmSize);
        return match.Success
            ? new SizeName(
                match.Groups["tier"].Value.Equals("Standard", StringComparison.OrdinalIgnoreCase),
                match.Groups["family"].Value.ToUpperInvariant(),
                match.Groups["number"].Value,
                match.Groups["active"].Success ? match.Groups["active"].Value : null,
                match.Groups["features"].Value)
            : null;
    }

    [GeneratedRegex(@"^(?<tier>Standard|Basic)_(?<family>[A-Za-z]+)(?<number>\d+)(-(?<active>\d+))?(?<features>[A-Za-z]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
