using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Rules;

/// <summary>Every rule the engine knows, in a stable order (pillar, then id).</summary>
public static class RuleCatalog
{
    /// <summary>Changes whenever a rule is added, removed or its logic changes; stamped on every result set.</summary>
    public const string Version = "2026.11.1";

    private static readonly Lazy<IReadOnlyList<Rule>> LazyAll = new(() =>
        ReliabilityRules.All()
            .Concat(SecurityRules.All())
            .Concat(CostRules.All())
            .Concat(OperationsRules.All())
            .Concat(PerformanceRules.All())
            .Concat(Catalog.PodSecurity.PodSecurityRules.All())
            .Concat(Catalog.Workloads.WorkloadRules.All())
            .Concat(Catalog.AzureData.AzureDataRules.All())
            .Concat(Catalog.Platform.PlatformRules.All())
            .OrderBy(r => r.Definition.Pillar)
            .ThenBy(r => r.Definition.Id, RuleIdComparer.Instance)
            .ToList());

    public static IReadOnlyList<Rule> All => LazyAll.Value;

    public static Rule? Find(string id) =>
        All.FirstOrDefault(r => r.Definition.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Orders AKS-SEC-2 before AKS-SEC-10.</summary>
internal sealed class RuleIdComparer : IComparer<string>
{
    public static RuleIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (prefixX, numberX) = Split(x ?? "");
        var (prefixY, numberY) = Split(y ?? "");
        var byPrefix = string.CompareOrdinal(prefixX, prefixY);
        return byPrefix != 0 ? byPrefix : numberX.CompareTo(numberY);
    }

    private static (string Prefix, int Number) Split(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash > 0 && int.TryParse(id[(dash + 1)..], out var n) ? (id[..dash], n) : (id, 0);
    }
}
