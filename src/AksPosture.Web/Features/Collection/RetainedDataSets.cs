using System.Text.Json.Nodes;
using AksPosture.Engine.Collection;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.Collection;

/// <summary>
/// Keeps what an earlier collection read for each data set the latest collection could not read, so a failure never
/// deletes data collected before. The kept values sit beside the snapshot, not in it: rules judge only what the latest
/// collection read and report the failed sets as ERROR, naming the missing permission.
/// </summary>
internal static class RetainedDataSets
{
    public const string None = "{}";

    /// <summary>The data sets of <paramref name="snapshot"/> that could not be read: its Azure problems, and Kubernetes.</summary>
    public static IEnumerable<string> FailedIn(ClusterSnapshot snapshot) =>
        snapshot.Azure.Problems.Select(p => p.DataSet)
            .Concat(snapshot.KubernetesProblem is null ? [] : [KubernetesCollector.DataSet]);

    /// <param name="failed">Data sets the latest collection could not read.</param>
    /// <param name="earlierSnapshot">The stored snapshot bundle this collection replaces, if any.</param>
    /// <param name="earlierCollectedAt">When that snapshot was collected (for an imported one, when it was last seen).</param>
    /// <param name="earlierRetained">What was retained before this collection.</param>
    /// <returns>The retained data sets as stored: each failed set's latest value read by any earlier collection.</returns>
    public static string Merge(IEnumerable<string> failed, string? earlierSnapshot, DateTimeOffset earlierCollectedAt, string? earlierRetained)
    {
        var snapshot = Parse(earlierSnapshot);
        var retained = Parse(earlierRetained);
        var result = new JsonObject();
        foreach (var name in failed.Distinct(StringComparer.Ordinal))
        {
            if (DataSetOf(snapshot, name) is { } data)
            {
                result[name] = new JsonObject { ["collectedAt"] = earlierCollectedAt, ["data"] = data.DeepClone() };
            }
            else if (retained?[name] is JsonObject kept)
            {
                result[name] = kept.DeepClone();
            }
        }

        return result.Count == 0 ? None : result.ToJsonString();
    }

    private static JsonNode? DataSetOf(JsonObject? bundle, string name) =>
        name == KubernetesCollector.DataSet ? bundle?["kubernetes"] : (bundle?["azure"] as JsonObject)?[name];

    private static JsonObject? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json) as JsonObject;
}
