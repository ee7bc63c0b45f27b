using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// The snapshot bundle the collectors write and the reader accepts:
/// <c>{ "kind": "AksPostureSnapshot", "cluster": {ARM cluster}, "azure": { "&lt;data set&gt;": … },
/// "kubernetes": {kubectl List}, "collectionProblems": [ { "dataSet", "message", "missingPermission" } ] }</c>.
/// </summary>
internal static class SnapshotBundle
{
    public const string Kind = "AksPostureSnapshot";

    public static bool IsBundle(JsonNode? item) =>
        item is JsonObject obj && string.Equals(ClusterSnapshot.TextOf(obj["kind"]), Kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits a bundle into its cluster object and the extra data; returns a problem text when malformed.</summary>
    public static string? Unpack(JsonObject bundle, out JsonNode? cluster, out AzureData azure, out KubernetesInventory? kubernetes, out CollectionProblem? kubernetesProblem)
    {
        cluster = bundle["cluster"];
        azure = AzureData.Empty;
        kubernetes = null;
        kubernetesProblem = null;
        if (cluster is not JsonObject)
        {
            return "a snapshot bundle needs a 'cluster' object";
        }

        var problems = new List<CollectionProblem>();
        foreach (var entry in bundle["collectionProblems"] as JsonArray ?? [])
        {
            if (entry is not JsonObject p || ClusterSnapshot.TextOf(p["dataSet"]) is not { } dataSet)
            {
                return "'collectionProblems' entries need a 'dataSet' string";
            }

            problems.Add(new CollectionProblem(dataSet, ClusterSnapshot.TextOf(p["message"]) ?? "unknown error", ClusterSnapshot.TextOf(p["missingPermission"])));
        }

        switch (bundle["azure"])
        {
            case null:
                break;
            case JsonObject sets:
                azure = new AzureData(sets.Select(s => KeyValuePair.Create(s.Key, s.Value)), problems.Where(p => !IsKubernetes(p)));
                break;
            default:
                return "'azure' must be an object of named data sets";
        }

        if (bundle["azure"] is null)
        {
            azure = new AzureData([], problems.Where(p => !IsKubernetes(p)));
        }

        kubernetesProblem = problems.FirstOrDefault(IsKubernetes);
        if (bundle["kubernetes"] is { } objects)
        {
            var (inventory, problem) = KubernetesReader.FromNode(objects, "kubernetes");
            if (problem is not null)
            {
                return problem;
            }

            kubernetes = inventory;
        }

        return null;
    }

    private static bool IsKubernetes(CollectionProblem problem) =>
        problem.DataSet.Equals("kubernetes", StringComparison.OrdinalIgnoreCase);
}
