using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Assessment;

/// <summary>What a cluster is for: read from a context file first, then from Azure tags with configurable keys.</summary>
public static class ClusterContextProbe
{
    private static readonly string[] TruthyValues = ["true", "yes", "y", "1", "high", "critical", "mission-critical", "required"];
    private static readonly string[] FalsyValues = ["false", "no", "n", "0", "low", "none", "not-required"];

    public static bool? IsCritical(this Probe probe) =>
        probe.Override("critical", o => o.Critical) ?? probe.TagFlag(probe.Settings.CriticalTagKeys, allowNamedValue: false);

    /// <summary>A regulated cluster may name its regime (pci-dss, il5); any such value counts as regulated.</summary>
    public static bool? IsRegulated(this Probe probe) =>
        probe.Override("regulated", o => o.Regulated) ?? probe.TagFlag(probe.Settings.RegulatedTagKeys, allowNamedValue: true);

    public static bool? RequiresPrivateApi(this Probe probe) =>
        probe.Override("privateApiRequired", o => o.PrivateApiRequired) ?? probe.TagFlag(probe.Settings.PrivateApiRequiredTagKeys, allowNamedValue: false);

    public static bool? RequiresEgressControl(this Probe probe) =>
        probe.Override("egressControlRequired", o => o.EgressControlRequired) ?? probe.TagFlag(probe.Settings.EgressControlRequiredTagKeys, allowNamedValue: false);

    public static string? WorkloadGroup(this Probe probe)
    {
        if (probe.Override("workloadGroup", o => o.WorkloadGroup) is { } group)
        {
            return group;
        }

        var key = probe.Settings.WorkloadTagKeys.FirstOrDefault(probe.Snapshot.Tags.ContainsKey);
        return key is null ? null : probe.Tag(key);
    }

    internal static T? Override<T>(this Probe probe, string field, Func<ClusterContextOverride, T?> pick)
    {
        var settings = probe.Settings;
        // Most assessments have no context file; then the long resource id need not be hashed for every rule that asks.
        if (settings.ContextOverrides.Count == 0)
        {
            return default;
        }

        var match = settings.ContextOverrides.GetValueOrDefault(probe.Snapshot.Id) ?? settings.ContextOverrides.GetValueOrDefault(probe.Snapshot.Name);
        var value = match is null ? default : pick(match);
        if (value is not null)
        {
            probe.Note($"context.{field} (context file)", value.ToString()!.ToLowerInvariant());
        }

        return value;
    }

    private static bool? TagFlag(this Probe probe, IReadOnlyList<string> keys, bool allowNamedValue)
    {
        foreach (var key in keys)
        {
            if (!probe.Snapshot.Tags.ContainsKey(key))
            {
                continue;
            }

            var value = probe.Tag(key)?.Trim() ?? "";
            if (TruthyValues.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (FalsyValues.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            if (allowNamedValue && value.Length > 0)
            {
                return true;
            }
        }

        return null;
    }
}
