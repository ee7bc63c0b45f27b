using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// The <c>metrics</c> data set: one Azure Monitor metrics response (<c>{ "value": [ metric … ] }</c>, spec §3.4) or an
/// array of such responses, since one call returns at most 20 metrics. Verified against
/// Microsoft.Insights 2024-02-01 <c>metrics_API.json</c> / <c>GetMetric.json</c> (name.value, timeseries[].metadatavalues, data[]).
/// </summary>
internal sealed class MonitorMetrics
{
    public const string NodeCpu = "node_cpu_usage_percentage";
    public const string NodeMemory = "node_memory_working_set_percentage";
    public const string UnschedulablePods = "cluster_autoscaler_unschedulable_pods_count";
    public const string UnneededNodes = "cluster_autoscaler_unneeded_nodes_count";

    private readonly Probe _probe;
    private readonly Dictionary<string, JsonObject> _byName;

    private MonitorMetrics(Probe probe, IEnumerable<JsonObject> metrics)
    {
        _probe = probe;
        _byName = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var metric in metrics)
        {
            _byName.TryAdd(MetricName(metric), metric);
        }
    }

    /// <summary>Reads the data set; a stopped cluster has no live metrics, so the metric part is NA (spec §4.3).</summary>
    public static bool TryRead(Probe probe, out MonitorMetrics metrics, out Outcome missing)
    {
        metrics = new MonitorMetrics(probe, []);
        if (string.Equals(probe.Text("properties.powerState.code"), "Stopped", StringComparison.OrdinalIgnoreCase))
        {
            missing = Probe.NotApplicable("The cluster is stopped, so its utilisation metrics do not describe its load.");
            return false;
        }

        if (!probe.TryDataSet(AzureDataSets.Metrics, out var data, out missing))
        {
            return false;
        }

        metrics = new MonitorMetrics(probe, AzureJson.Items(data).SelectMany(Flatten));
        return true;
    }

    /// <summary>
    /// The per-interval values of one metric, grouped by node pool (the <c>nodepool</c> dimension; series without it
    /// count under ""). Returns the NA / ERROR verdict instead when the metric is absent or reported an error.
    /// <paramref name="describe"/> words the metric's evidence from all its values (default: how many were read).
    /// </summary>
    public bool TryValues(string metric, Aggregation aggregation, out IReadOnlyDictionary<string, IReadOnlyList<double>> byPool, out Outcome problem,
        Func<IReadOnlyList<double>, string?>? describe = null)
    {
        byPool = new Dictionary<string, IReadOnlyList<double>>();
        problem = default;
        if (!_byName.TryGetValue(metric, out var item))
        {
            _probe.Note($"azure.metrics.{metric}", null);
            problem = Probe.NotApplicable($"The 'metrics' data set has no '{metric}' series, so utilisation cannot be judged.");
            return false;
        }

        var errorCode = AzureJson.Text(item, "errorCode");
        if (errorCode is not null && !errorCode.Equals("Success", StringComparison.OrdinalIgnoreCase))
        {
            _probe.Note($"azure.metrics.{metric}.errorCode", errorCode);
            problem = new Outcome(RuleStatus.Error, $"Azure Monitor returned '{errorCode}' for metric '{metric}': {AzureJson.Text(item, "errorMessage") ?? "no detail"}.");
            return false;
        }

        var pools = new Dictionary<string, List<double>>(StringComparer.OrdinalIgnoreCase);
        foreach (var series in AzureJson.Objects(item, "timeseries"))
        {
            var pool = Dimension(series, "nodepool") ?? "";
            if (!pools.TryGetValue(pool, out var values))
            {
                pools[pool] = values = [];
            }

            values.AddRange(AzureJson.Objects(series, "data").Select(point => Pick(point, aggregation)).OfType<double>());
        }

        byPool = pools.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value, StringComparer.OrdinalIgnoreCase);
        _probe.Note($"azure.metrics.{metric}", describe is null
            ? $"{byPool.Values.Sum(v => v.Count)} data point(s) for {byPool.Count} series"
            : describe([.. byPool.Values.SelectMany(v => v)]));
        return true;
    }

    /// <summary>Nearest-rank 95th percentile: the smallest value with at least 95 % of the values at or below it.</summary>
    public static double P95(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(0.95 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static double? Pick(JsonObject point, Aggregation aggregation) => aggregation switch
    {
        Aggregation.Maximum => AzureJson.Number(point, "maximum") ?? AzureJson.Number(point, "average"),
        Aggregation.AverageOrTotal => AzureJson.Number(point, "average") ?? AzureJson.Number(point, "total") ?? AzureJson.Number(point, "maximum"),
        _ => AzureJson.Number(point, "average") ?? AzureJson.Number(point, "maximum"),
    };

    private static string? Dimension(JsonObject series, string name) =>
        AzureJson.Objects(series, "metadatavalues")
            .Where(m => string.Equals(AzureJson.Text(m, "name.value") ?? AzureJson.Text(m, "name"), name, StringComparison.OrdinalIgnoreCase))
            .Select(m => AzureJson.Text(m, "value"))
            .FirstOrDefault();

    private static string MetricName(JsonObject metric) =>
        (metric["name"] is JsonObject ? AzureJson.Text(metric, "name.value") : AzureJson.Text(metric, "name")) ?? "";

    // A response holds metrics in `value`; an array of responses nests one level deeper.
    private static IEnumerable<JsonObject> Flatten(JsonObject item) =>
        item["timeseries"] is not null || item["name"] is not null ? [item] : AzureJson.Objects(item, "value");
}

/// <summary>Which aggregation of a metric's interval to read (the other is the fallback).</summary>
internal enum Aggregation
{
    Average,
    Maximum,
    AverageOrTotal,
}
