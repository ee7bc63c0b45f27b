namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>
/// AKS's release calendar (learn.microsoft.com/azure/aks/supported-kubernetes-versions, "AKS Kubernetes release
/// calendar"): when each minor reached general availability on AKS and when its standard support ends (the last day
/// of the month given there). Long-term support runs two years from AKS GA. Update this table when AKS publishes
/// a new minor; <see cref="Assessment.AssessmentSettings.MinimumKubernetesVersion"/> overrides it.
/// </summary>
internal static class AksVersionCalendar
{
    private static readonly (int Minor, DateOnly GeneralAvailability, DateOnly EndOfLife)[] Minors =
    [
        (27, new(2023, 6, 30), new(2024, 7, 31)),
        (28, new(2023, 10, 31), new(2025, 3, 31)),
        (29, new(2024, 3, 31), new(2025, 3, 31)),
        (30, new(2024, 7, 31), new(2025, 8, 22)),
        (31, new(2024, 11, 30), new(2025, 11, 1)),
        (32, new(2025, 4, 30), new(2026, 3, 31)),
        (33, new(2025, 6, 30), new(2026, 7, 31)),
        (34, new(2025, 11, 30), new(2026, 11, 30)),
        (35, new(2026, 3, 31), new(2027, 3, 31)),
        (36, new(2026, 6, 30), new(2027, 6, 30)),
        (37, new(2026, 10, 31), new(2027, 10, 31)),
    ];

    /// <summary>The oldest 1.x minor still in standard support on <paramref name="date"/>.</summary>
    public static int OldestSupportedMinor(DateOnly date) =>
        Minors.Where(m => m.EndOfLife >= date).Select(m => m.Minor).DefaultIfEmpty(Minors[^1].Minor).Min();

    public static DateOnly? EndOfLife(int minor) =>
        Minors.Where(m => m.Minor == minor).Select(m => (DateOnly?)m.EndOfLife).FirstOrDefault();

    /// <summary>End of long-term support: two years after the minor's AKS GA.</summary>
    public static DateOnly? EndOfLongTermSupport(int minor) =>
        Minors.Where(m => m.Minor == minor).Select(m => (DateOnly?)m.GeneralAvailability.AddYears(2)).FirstOrDefault();

    /// <summary>Parses "1.31", "1.31.7" or "v1.31.7" to its minor (31); null when it is not a 1.x version.</summary>
    public static int? MinorOf(string? version)
    {
        var text = version.AsSpan().TrimStart("vV");
        if (!text.StartsWith("1."))
        {
            return null;
        }

        var rest = text[2..];
        var dot = rest.IndexOf('.');
        return int.TryParse(dot < 0 ? rest : rest[..dot], out var minor) ? minor : null;
    }
}
