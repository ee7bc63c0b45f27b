using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.AzureEmulator.Fixtures;

/// <summary>Reads the invented sample fleet (three files of clusters, Kubernetes objects in <c>kubernetes/NAME.k8s.json</c>).</summary>
internal static class SampleFleet
{
    public sealed record Template(JsonObject Cluster, IReadOnlyList<JsonObject> Kubernetes);

    public static IReadOnlyList<Template> Load(string folder)
    {
        var kubernetes = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.OrdinalIgnoreCase);
        var kubernetesFolder = Path.Combine(folder, "kubernetes");
        foreach (var file in Directory.Exists(kubernetesFolder) ? Directory.GetFiles(kubernetesFolder, "*.k8s.json") : [])
        {
            var (inventory, error) = KubernetesReader.ReadFile(file);
            kubernetes[Path.GetFileName(file)[..^".k8s.json".Length]] = inventory is null
                ? throw new InvalidOperationException(error!.Message)
                : inventory.Kinds.SelectMany(inventory.OfKind).Select(o => o.Json).ToList();
        }

        var templates = new List<Template>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith("subscriptions.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var read = SnapshotReader.ReadFile(file);
            if (read.Errors.Count > 0)
            {
                throw new InvalidOperationException($"Sample fleet file {file}: {read.Errors[0].Message}");
            }

            templates.AddRange(read.Snapshots.Select(s => new Template(s.Resource, kubernetes.GetValueOrDefault(s.Name, []))));
        }

        return templates.Count > 0 ? templates : throw new InvalidOperationException($"No sample clusters in {folder}");
    }
}
