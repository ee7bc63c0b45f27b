using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// The cluster autoscaler's <c>cluster_autoscaler_unneeded_nodes_count</c> metric from the <c>metrics</c> data set:
/// nodes it considers removable but keeps. Unneeded nodes in most intervals mean scale-down is blocked.
/// </summary>
internal static class UnneededNodes
{
    public const string Metric = "cluster_autoscaler_unneeded_nodes_count";

    /// <summary>(intervals with unneeded nodes, intervals reported), or null when the metric was not collected.</summary>
    public static (int Unneeded, int Intervals)? Read(Probe probe)
    {
        if (!probe.Snapshot.Azure.TryGet(AzureDataSets.Metrics, out var data))
        {
            return null;
        }

        var points = Metrics(data)
            .Where(m => KubeJson.Text(KubeJson.At(m, "name.value")) == Metric)
            .SelectMany(m => KubeJson.Objects(m["timeseries"]))
            .SelectMany(t => KubeJson.Objects(t["data"]))
            .Select(p => Quantity.Parse(p["average"]))
            .OfType<decimal>()
            .ToList();
        if (points.Count == 0)
        {
            probe.Note($"azure.metrics.{Metric}", null);
            return null;
        }

        var unneeded = points.Count(p => p > 0);
        probe.Note($"azure.metrics.{Metric}", $"unneeded nodes in {unneeded} of {points.Count} intervals");
        return (unneeded, points.Count);
    }

    // The set holds one metrics response ({ value: [...] }) or a list of them.
    private static IEnumerable<JsonObject> Metrics(JsonNode? data) =>
        AzureDataProbe.Items(data).SelectMany(item => item["timeseries"] is null ? KubeJson.Objects(item["value"]) : [item]);
}
