using System.Globalization;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-PERF-05's metric part: pods the cluster autoscaler cannot place (metric cluster_autoscaler_unschedulable_pods_count).
/// The node-autoscaling verdict it shares with COST-09 and PERF-02/06 stands; only a passing cluster can drop to WARN,
/// and without the metric the shared verdict is returned unchanged.
/// </summary>
internal static class UnschedulablePods
{
    public static Outcome Evaluate(Probe probe)
    {
        var autoscaling = NodeAutoscaling.Evaluate(probe);
        if (autoscaling.Status != RuleStatus.Pass
            || !MonitorMetrics.TryRead(probe, out var metrics, out _)
            || !metrics.TryValues(MonitorMetrics.UnschedulablePods, Aggregation.AverageOrTotal, out var byPool, out _))
        {
            return autoscaling;
        }

        var values = byPool.Values.SelectMany(v => v).ToList();
        if (values.Count == 0)
        {
            return autoscaling;
        }

        var pending = values.Count(v => v > 0);
        var share = (double)pending / values.Count;
        probe.Note($"azure.metrics.{MonitorMetrics.UnschedulablePods}.intervalsAboveZero", $"{pending} of {values.Count}");
        return share >= Thresholds.PersistentShare
            ? Warn($"{autoscaling.Message} Yet pods stayed unschedulable in {pending} of {values.Count} intervals (up to {values.Max().ToString("0.#", CultureInfo.InvariantCulture)}): the autoscaler is blocked, for example by maxCount or quota.")
            : autoscaling with { Message = $"{autoscaling.Message} Unschedulable pods were seen in {pending} of {values.Count} intervals." };
    }
}
