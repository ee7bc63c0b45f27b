using System.Text.Json.Nodes;

namespace AksPosture.Benchmarks;

/// <summary>
/// Generates snapshot documents with realistic variety from the built-in sample fleet: each generated cluster is
/// one of the 24 sample clusters (with its Kubernetes objects when it has them), renamed, and with a few settings
/// varied the way real fleets differ (tier, zones, network policy, versions, pool sizes, add-ons).
/// </summary>
internal static class SyntheticFleet
{
    public static IReadOnlyList<string> Generate(string sampleFolder, int count, int seed)
    {
        var templates = LoadTemplates(sampleFolder);
        var random = new Random(seed);
        var documents = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (cluster, kubernetes) = templates[random.Next(templates.Count)];
            var copy = (JsonObject)cluster.DeepClone();
            Vary(copy, i, random);
            var bundle = new JsonObject { ["kind"] = "AksPostureSnapshot", ["cluster"] = copy };
            if (kubernetes is not null)
            {
                bundle["kubernetes"] = kubernetes.DeepClone();
            }

            documents.Add(bundle.ToJsonString());
        }

        return documents;
    }

    private static List<(JsonObject Cluster, JsonNode? Kubernetes)> LoadTemplates(string folder)
    {
        var kubernetes = Directory.Exists(Path.Combine(folder, "kubernetes"))
            ? Directory.EnumerateFiles(Path.Combine(folder, "kubernetes"), "*.k8s.json")
                .ToDictionary(f => Path.GetFileName(f)[..^".k8s.json".Length], f => JsonNode.Parse(File.ReadAllText(f)), StringComparer.OrdinalIgnoreCase)
            : [];
        var templates = new List<(JsonObject, JsonNode?)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Where(f => !f.EndsWith("subscriptions.json", StringComparison.Ordinal)))
        {
            var root = JsonNode.Parse(File.ReadAllText(file));
            var items = root switch
            {
                JsonArray array => array,
                JsonObject o when o["value"] is JsonArray value => value,
                JsonObject o when o["data"] is JsonArray data => data,
                _ => [root],
            };
            foreach (var item in items.OfType<JsonObject>())
            {
                var name = (string?)item["name"] ?? "";
                templates.Add((item, kubernetes.GetValueOrDefault(name)));
            }
        }

        return templates.Count > 0 ? templates : throw new InvalidOperationException($"No sample clusters found in {folder}");
    }

    private static void Vary(JsonObject cluster, int index, Random random)
    {
        var name = $"{cluster["name"]}-{index:D5}";
        var subscription = $"{index % 500:D8}-0000-4000-8000-{index % 500:D12}";
        cluster["name"] = name;
        cluster["id"] = $"/subscriptions/{subscription}/resourceGroups/rg-{index % 97}/providers/Microsoft.ContainerService/managedClusters/{name}";
        cluster.Remove("subscriptionId");
        var properties = cluster["properties"] as JsonObject ?? cluster;
        if (random.NextDouble() < 0.3)
        {
            cluster["sku"] = new JsonObject { ["name"] = "Base", ["tier"] = random.NextDouble() < 0.5 ? "Free" : "Standard" };
        }

        if (random.NextDouble() < 0.2 && properties["networkProfile"] is JsonObject network)
        {
            network["networkPolicy"] = random.NextDouble() < 0.5 ? "none" : "cilium";
        }

        if (random.NextDouble() < 0.3)
        {
            properties["currentKubernetesVersion"] = $"1.{random.Next(31, 37)}.{random.Next(0, 9)}";
        }

        foreach (var pool in (properties["agentPoolProfiles"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (random.NextDouble() < 0.2)
            {
                pool["count"] = random.Next(1, 12);
            }

            if (random.NextDouble() < 0.1)
            {
                pool["availabilityZones"] = new JsonArray("1");
            }
        }
    }
}
