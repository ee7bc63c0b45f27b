namespace AksPosture.Engine.Rules;

/// <summary>The five pillars of the Azure Well-Architected Framework.</summary>
public enum Pillar
{
    Reliability,
    Security,
    CostOptimization,
    OperationalExcellence,
    PerformanceEfficiency,
}

public static class PillarNames
{
    public static IReadOnlyList<Pillar> All { get; } = Enum.GetValues<Pillar>();

    /// <summary>The camelCase key used in JSON output and the API (e.g. <c>costOptimization</c>).</summary>
    public static string Key(this Pillar pillar) => pillar switch
    {
        Pillar.Reliability => "reliability",
        Pillar.Security => "security",
        Pillar.CostOptimization => "costOptimization",
        Pillar.OperationalExcellence => "operationalExcellence",
        Pillar.PerformanceEfficiency => "performanceEfficiency",
        _ => throw new ArgumentOutOfRangeException(nameof(pillar)),
    };

    public static string DisplayName(this Pillar pillar) => pillar switch
    {
        Pillar.Reliability => "Reliability",
        Pillar.Security => "Security",
        Pillar.CostOptimization => "Cost Optimization",
        Pillar.OperationalExcellence => "Operational Excellence",
        Pillar.PerformanceEfficiency => "Performance Efficiency",
        _ => throw new ArgumentOutOfRangeException(nameof(pillar)),
    };

    public static Pillar? FromKey(string key) =>
        All.Select(p => (Pillar?)p).FirstOrDefault(p => string.Equals(p!.Value.Key(), key, StringComparison.OrdinalIgnoreCase));
}
