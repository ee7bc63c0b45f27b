using AksPosture.Engine.Assessment;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>Is the control plane on a supported minor, and are the node pools within the supported skew?</summary>
internal static class KubernetesVersionCheck
{
    private const int WarningDays = 60;

    public static Outcome Evaluate(Probe probe)
    {
        var version = probe.Text("properties.currentKubernetesVersion") ?? probe.Text("properties.kubernetesVersion");
        if (AksVersionCalendar.MinorOf(version) is not { } minor)
        {
            return version is null
                ? NotApplicable("The snapshot reports no Kubernetes version.")
                : Warn($"Unrecognised Kubernetes version '{version}'.");
        }

        var (minimum, basis) = MinimumMinor(probe.Settings);
        probe.Note("minimum supported version", $"1.{minimum} ({basis})");
        var longTermSupport = string.Equals(probe.Text("properties.supportPlan"), "AKSLongTermSupport", StringComparison.OrdinalIgnoreCase);
        var skew = PoolSkew(probe, minor);

        if (minor < minimum)
        {
            var ltsEnd = AksVersionCalendar.EndOfLongTermSupport(minor);
            if (!(longTermSupport && ltsEnd >= probe.Settings.Today))
            {
                return Fail($"Kubernetes {version} is older than the oldest supported minor 1.{minimum}: the cluster gets no fixes and is out of support.");
            }
        }

        if (skew is not null)
        {
            return Fail(skew);
        }

        var endOfLife = longTermSupport ? AksVersionCalendar.EndOfLongTermSupport(minor) : AksVersionCalendar.EndOfLife(minor);
        return endOfLife is { } end && end.DayNumber - probe.Settings.Today.DayNumber <= WarningDays
            ? Warn($"Kubernetes {version} leaves {(longTermSupport ? "long-term" : "standard")} support on {end:yyyy-MM-dd}; plan the upgrade now.")
            : Pass($"Kubernetes {version} is supported{(longTermSupport ? " (long-term support)" : "")} and every node pool is within the supported skew.");
    }

    private static (int Minor, string Basis) MinimumMinor(AssessmentSettings settings) =>
        AksVersionCalendar.MinorOf(settings.MinimumKubernetesVersion) is { } configured
            ? (configured, "configured")
            : (AksVersionCalendar.OldestSupportedMinor(settings.Today), $"AKS calendar on {settings.Today:yyyy-MM-dd}");

    // Node pools may lag the control plane by up to three minors with AKS, never lead it; we hold them to two
    // (the spec's threshold) so the next control-plane upgrade does not block.
    private static string? PoolSkew(Probe probe, int controlPlane)
    {
        var problems = new List<string>();
        foreach (var pool in probe.Pools())
        {
            if (AksVersionCalendar.MinorOf(pool.Text("currentOrchestratorVersion") ?? pool.Text("orchestratorVersion")) is not { } poolMinor)
            {
                continue;
            }

            if (poolMinor > controlPlane)
            {
                problems.Add($"pool '{pool.Name}' (1.{poolMinor}) is newer than the control plane (1.{controlPlane})");
            }
            else if (controlPlane - poolMinor > 2)
            {
                problems.Add($"pool '{pool.Name}' (1.{poolMinor}) is more than two minors behind the control plane (1.{controlPlane})");
            }
        }

        return problems.Count == 0 ? null : RuleText.Sentence(problems);
    }
}
