using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Assessment;

public enum ClusterEnvironment
{
    Unknown,
    Production,
    NonProduction,
}

public static class ClusterEnvironmentProbe
{
    /// <summary>Classifies the cluster from its tags and records the tag that decided it.</summary>
    public static ClusterEnvironment Environment(this Probe probe)
    {
        if (probe.Override("production", o => o.Production) is { } production)
        {
            return production ? ClusterEnvironment.Production : ClusterEnvironment.NonProduction;
        }

        foreach (var key in probe.Settings.EnvironmentTagKeys)
        {
            if (!probe.Snapshot.Tags.ContainsKey(key))
            {
                continue;
            }

            var value = probe.Tag(key) ?? "";
            if (probe.Settings.ProductionValues.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return ClusterEnvironment.Production;
            }

            if (probe.Settings.NonProductionValues.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return ClusterEnvironment.NonProduction;
            }
        }

        probe.Note($"tags.{probe.Settings.EnvironmentTagKeys.FirstOrDefault() ?? "environment"}", null);
        return ClusterEnvironment.Unknown;
    }
}
