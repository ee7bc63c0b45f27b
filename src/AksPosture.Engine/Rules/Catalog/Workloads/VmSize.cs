using System.Text.RegularExpressions;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Facts read from an Azure VM size name: [family + subfamily][vCPUs][-constrained vCPUs][additive features]_….
/// Feature letters are lower case in the name; 'p' marks an Arm CPU (Standard_D4ps_v5, Standard_E4pds_v5).
/// </summary>
internal static partial class VmSize
{
    /// <summary>An Arm64 size, e.g. Ampere Altra (D/E ps_v5) or Cobalt (ps_v6); null when the name cannot be parsed.</summary>
    public static bool? IsArm64(string? vmSize) =>
        Parse(vmSize) is { } parts ? parts.Features.Contains('p', StringComparison.OrdinalIgnoreCase) : null;

    /// <summary>N-series sizes carry GPUs (NC, ND, NV, NG) or other accelerators (NP FPGAs).</summary>
    public static bool IsAccelerated(string? vmSize) =>
        Parse(vmSize) is { } parts && parts.Family.StartsWith('N');

    private static (string Family, string Features)? Parse(string? vmSize)
    {
        var match = vmSize is null ? Match.Empty : Pattern().Match(vmSize);
        return match.Success ? (match.Groups["family"].Value.ToUpperInvariant(), match.Groups["features"].Value) : null;
    }

    [GeneratedRegex(@"^(Standard|Basic)_(?<family>[A-Za-z]+)\d+(-\d+)?(?<features>[A-Za-z]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
