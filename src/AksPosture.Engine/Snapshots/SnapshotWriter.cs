using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// Writes a snapshot as the bundle <see cref="SnapshotReader"/> reads, so a stored or exported snapshot keeps its
/// Azure data sets, collection problems and Kubernetes objects, not only the cluster resource.
/// </summary>
public static class SnapshotWriter
{
    public static JsonObject ToBundle(ClusterSnapshot snapshot)
    {
        var bundle = new JsonObject
        {
            ["kind"] = SnapshotBundle.Kind,
            ["cluster"] = snapshot.Resource.DeepClone(),
        };

        if (snapshot.Azure.Names.Count > 0)
        {
            var sets = new JsonObject();
            foreach (var name in snapshot.Azure.Names)
            {
                snapshot.Azure.TryGet(name, out var data);
                sets[name] = data?.DeepClone();
            }

            bundle["azure"] = sets;
        }

        if (snapshot.Kubernetes is { } inventory)
        {
            bundle["kubernetes"] = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["items"] = new JsonArray(inventory.All.Select(o => (JsonNode)o.Json.DeepClone()).ToArray()),
            };
        }

        var problems = snapshot.Azure.Problems
            .Concat(snapshot.KubernetesProblem is { } k ? [k] : [])
            .Select(p => (JsonNode)new JsonObject { ["dataSet"] = p.DataSet, ["message"] = p.Message, ["missingPermission"] = p.MissingPermission })
            .ToArray();
        if (problems.Length > 0)
        {
            bundle["collectionProblems"] = new JsonArray(problems);
        }

        return bundle;
    }
}
