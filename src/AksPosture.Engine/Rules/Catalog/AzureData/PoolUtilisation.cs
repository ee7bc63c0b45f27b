using System.Globalization;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>P95 CPU and memory use per node pool from the node metrics (dimension <c>nodepool</c>).</summary>
internal sealed record PoolUtilisation(string Pool, double Cpu, double Memory)
{
    /// <summary>Pools with both metrics, or the NA / ERROR verdict when the metrics cannot be read.</summary>
    public static bool TryRead(Probe probe, Aggregation aggregation, out IReadOnlyList<PoolUtilisation> pools, out Outcome problem)
    {
        pools = [];
        if (!MonitorMetrics.TryRead(probe, out var metrics, out problem)
            || !metrics.TryValues(MonitorMetrics.NodeCpu, aggregation, out var cpu, out problem)
            || !metrics.TryValues(MonitorMetrics.NodeMemory, aggregation, out var memory, out problem))
        {
            return false;
        }

        var known = probe.Pools().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        pools = cpu.Keys.Where(p => known.Contains(p) && memory.ContainsKey(p))
            .Select(p => new PoolUtilisation(p, MonitorMetrics.P95(cpu[p]), MonitorMetrics.P95(memory[p])))
            .OrderBy(p => p.Pool, StringComparer.Ordinal)
            .ToList();
        foreach (var pool in pools)
        {
            probe.Note($"azure.metrics[{pool.Pool}].p95", $"cpu {Percent(pool.Cpu)}, memory {Percent(pool.Memory)} ({aggregation.ToString().ToLowerInvariant()} per interval)");
        }

        if (pools.Count == 0)
        {
            problem = Probe.NotApplicable("The node metrics hold no series split by the cluster's node pools (dimension 'nodepool').");
            return false;
        }

        return true;
    }

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
