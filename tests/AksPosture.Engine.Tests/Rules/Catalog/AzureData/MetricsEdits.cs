using System.Text.Json.Nodes;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>Edits of <c>AzureData/metrics.json</c>: every interval of one series set to one value.</summary>
internal static class MetricsEdits
{
    public static Action<JsonNode> Flat(string metric, string? pool, double average, double? maximum = null) => data =>
    {
        foreach (var point in Series(data, metric, pool)["data"]!.AsArray().OfType<JsonObject>())
        {
            point["average"] = average;
            point["maximum"] = maximum ?? average;
            if (point["total"] is not null)
            {
                point["total"] = average;
            }
        }
    };

    public static Action<JsonNode> Failed(string metric) => data =>
    {
        var item = Metric(data, metric);
        item["errorCode"] = "ResourceNotFound";
        item["errorMessage"] = "Metric is not available for this resource";
        item["timeseries"] = new JsonArray();
    };

    private static JsonObject Metric(JsonNode data, string metric) =>
        data["value"]!.AsArray().OfType<JsonObject>().Single(m => (string?)m["name"]!["value"] == metric);

    private static JsonObject Series(JsonNode data, string metric, string? pool) =>
        Metric(data, metric)["timeseries"]!.AsArray().OfType<JsonObject>()
            .Single(s => pool is null || s["metadatavalues"]!.AsArray().Any(m => (string?)m!["value"] == pool));
}
