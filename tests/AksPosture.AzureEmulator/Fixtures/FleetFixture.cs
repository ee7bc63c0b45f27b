using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.AzureEmulator.Fixtures;

/// <summary>
/// The emulated fleet: <see cref="EmulatorOptions.Clusters"/> clusters spread over <see cref="EmulatorOptions.Subscriptions"/>
/// subscriptions, each a renamed copy of one of the 24 invented sample clusters (with its Kubernetes objects when the
/// sample has them). Everything else a cluster owns is derived from its index, on demand (<see cref="ClusterData"/>).
/// </summary>
public sealed class FleetFixture
{
    private readonly Dictionary<string, EmulatedCluster> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, EmulatedCluster> _byName = new(StringComparer.OrdinalIgnoreCase);

    public FleetFixture(EmulatorOptions options)
    {
        var templates = SampleFleet.Load(options.SampleFolder);
        Subscriptions = Enumerable.Range(0, Math.Max(1, options.Subscriptions))
            .Select(i => new EmulatedSubscription(i, $"{i:D8}-0000-4000-8000-{i + 1:D12}", $"Contoso Subscription {i:D3}"))
            .ToList();
        var clusters = new List<EmulatedCluster>(options.Clusters);
        for (var i = 0; i < options.Clusters; i++)
        {
            var template = templates[i % templates.Count];
            var cluster = EmulatedCluster.From(template, i, Subscriptions[i % Subscriptions.Count]);
            clusters.Add(cluster);
            _byId[cluster.Id] = cluster;
            _byName[cluster.Name] = cluster;
        }

        Clusters = clusters;
        ManagementGroups = new Dictionary<string, IReadOnlyList<EmulatedSubscription>>(StringComparer.OrdinalIgnoreCase)
        {
            ["mg-contoso"] = Subscriptions,
            ["mg-even"] = Subscriptions.Where(s => s.Index % 2 == 0).ToList(),
        };
        Tables = new ResourceGraphTables(this);
    }

    public IReadOnlyList<EmulatedCluster> Clusters { get; }

    public IReadOnlyList<EmulatedSubscription> Subscriptions { get; }

    /// <summary>"mg-contoso" holds every subscription, "mg-even" the even-numbered ones.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EmulatedSubscription>> ManagementGroups { get; }

    public ResourceGraphTables Tables { get; }

    public EmulatedCluster? FindById(string id) => _byId.GetValueOrDefault(id.TrimEnd('/'));

    public EmulatedCluster? FindByName(string name) => _byName.GetValueOrDefault(name);

    public EmulatedSubscription? FindSubscription(string id) =>
        Subscriptions.FirstOrDefault(s => s.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}

public sealed record EmulatedSubscription(int Index, string Id, string Name);

/// <summary>One emulated cluster: its ARM GET resource, and the Kubernetes objects its API server serves.</summary>
public sealed class EmulatedCluster
{
    private EmulatedCluster(int index, EmulatedSubscription subscription, JsonObject resource, IReadOnlyList<JsonObject> kubernetes)
    {
        Index = index;
        Subscription = subscription;
        Resource = resource;
        KubernetesObjects = kubernetes;
    }

    public int Index { get; }

    public EmulatedSubscription Subscription { get; }

    public JsonObject Resource { get; }

    public IReadOnlyList<JsonObject> KubernetesObjects { get; }

    public string Id => (string)Resource["id"]!;

    public string Name => (string)Resource["name"]!;

    public string ResourceGroup => ResourceId.TryParse(Id)!.ResourceGroup;

    public string NodeResourceGroup => (string?)Resource["properties"]?["nodeResourceGroup"] ?? $"MC_{ResourceGroup}_{Name}";

    public bool UsesEntra => Resource["properties"]?["aadProfile"] is JsonObject;

    public bool IsStopped => string.Equals((string?)Resource["properties"]?["powerState"]?["code"], "Stopped", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<JsonObject> Pools => (Resource["properties"]?["agentPoolProfiles"] as JsonArray ?? []).OfType<JsonObject>();

    internal static EmulatedCluster From(SampleFleet.Template template, int index, EmulatedSubscription subscription)
    {
        var resource = (JsonObject)template.Cluster.DeepClone();
        var name = $"{template.Cluster["name"]}-{index:D5}";
        var group = ResourceId.TryParse((string?)template.Cluster["id"])?.ResourceGroup ?? "rg-aks";
        var location = (string?)resource["location"] ?? "westeurope";
        resource["id"] = $"/subscriptions/{subscription.Id}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{name}";
        resource["name"] = name;
        resource["type"] = "Microsoft.ContainerService/ManagedClusters";
        resource.Remove("subscriptionId");
        resource.Remove("resourceGroup");
        if (resource["properties"] is JsonObject properties)
        {
            properties["nodeResourceGroup"] = $"MC_{group}_{name}_{location}";
        }

        return new EmulatedCluster(index, subscription, resource, template.Kubernetes);
    }

    /// <summary>The row Resource Graph returns: lower-case type, plus resourceGroup and subscriptionId columns.</summary>
    public JsonObject ResourceGraphRow()
    {
        var row = (JsonObject)Resource.DeepClone();
        row["type"] = "microsoft.containerservice/managedclusters";
        row["resourceGroup"] = ResourceGroup.ToLowerInvariant();
        row["subscriptionId"] = Subscription.Id;
        return row;
    }
}
