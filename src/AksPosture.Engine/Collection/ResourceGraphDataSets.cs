using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using Azure;

namespace AksPosture.Engine.Collection;

/// <summary>
/// Data sets read from Resource Graph tables for the whole fleet at once (a few paged queries instead of a call per
/// cluster), then handed to each cluster: Advisor recommendations, Azure Policy assignments and non-compliant states,
/// backup instances, cluster extensions and Flux configurations. Resource Graph shows only what the identity may
/// read, so a table read without Reader on a resource looks empty rather than failed (docs/permissions.md).
/// </summary>
public sealed class ResourceGraphDataSets(ResourceGraphClient graph)
{
    private const string ClusterType = "Microsoft.ContainerService/managedClusters";

    /// <summary>The table queries: the data set each fills, and how a row finds its clusters.</summary>
    internal static readonly IReadOnlyList<TableQuery> Queries =
    [
        new(AzureDataSets.AdvisorRecommendations,
            "advisorresources | where type =~ 'microsoft.advisor/recommendations' "
            + "| where tostring(properties.impactedField) in~ ('Microsoft.ContainerService/managedClusters', 'Microsoft.Compute/virtualMachineScaleSets', 'Microsoft.Network/loadBalancers', 'Microsoft.Network/publicIPAddresses') "
            + "| project id, name, type, properties | order by id asc",
            (row, fleet) => fleet.ByResourceOrNodeGroup(Text(row, "properties", "resourceMetadata", "resourceId")), row => row),
        new(AzureDataSets.PolicyAssignments,
            "policyresources | where type =~ 'microsoft.authorization/policyassignments' | project id, name, type, properties | order by id asc",
            (row, fleet) => fleet.ByScope(Text(row, "properties", "scope") ?? Text(row, "id")), row => row),
        new(AzureDataSets.PolicyStates,
            "policyresources | where type =~ 'microsoft.policyinsights/policystates' "
            + "| where tostring(properties.resourceType) =~ 'Microsoft.ContainerService/managedClusters' and tostring(properties.complianceState) =~ 'NonCompliant' "
            + "| project id, properties | order by id asc",
            (row, fleet) => fleet.ByCluster(Text(row, "properties", "resourceId")), row => row["properties"] as JsonObject ?? row),
        new(AzureDataSets.BackupInstances,
            "recoveryservicesresources | where type =~ 'microsoft.dataprotection/backupvaults/backupinstances' "
            + "| where tostring(properties.dataSourceInfo.datasourceType) =~ 'Microsoft.ContainerService/managedClusters' "
            + "| project id, name, type, properties | order by id asc",
            (row, fleet) => fleet.ByCluster(Text(row, "properties", "dataSourceInfo", "resourceID")), row => row),
        new(AzureDataSets.Extensions,
            "kubernetesconfigurationresources | where type =~ 'microsoft.kubernetesconfiguration/extensions' "
            + "| where id contains '/providers/microsoft.containerservice/managedclusters/' | project id, name, type, properties | order by id asc",
            (row, fleet) => fleet.ByCluster(Owner(Text(row, "id"))), row => row),
        new(AzureDataSets.FluxConfigurations,
            "kubernetesconfigurationresources | where type =~ 'microsoft.kubernetesconfiguration/fluxconfigurations' "
            + "| where id contains '/providers/microsoft.containerservice/managedclusters/' | project id, name, type, properties | order by id asc",
            (row, fleet) => fleet.ByCluster(Owner(Text(row, "id"))), row => row),
    ];

    /// <summary>Runs the table queries (side by side; the quota limiter paces them) and gives each cluster its rows, an empty list when none.</summary>
    public async Task<TableData> CollectAsync(IReadOnlyList<ClusterSnapshot> clusters, FleetScope scope, CancellationToken cancellationToken)
    {
        var fleet = new FleetIndex(clusters);
        var results = await Task.WhenAll(Queries.Select(q => QueryAsync(q, clusters, fleet, scope, cancellationToken))).ConfigureAwait(false);
        var data = new TableData();
        foreach (var (dataSet, perCluster, problem) in results)
        {
            if (problem is not null)
            {
                data.Problems[dataSet] = problem;
            }
            else
            {
                data.Sets[dataSet] = perCluster!;
            }
        }

        return data;
    }

    private async Task<(string DataSet, Dictionary<string, JsonArray>? PerCluster, CollectionProblem? Problem)> QueryAsync(
        TableQuery table, IReadOnlyList<ClusterSnapshot> clusters, FleetIndex fleet, FleetScope scope, CancellationToken cancellationToken)
    {
        var perCluster = clusters.ToDictionary(c => c.Id, _ => new JsonArray(), StringComparer.OrdinalIgnoreCase);
        try
        {
            await foreach (var page in graph.QueryPagesAsync(table.Query, scope, cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in page)
                {
                    var item = table.Item(row);
                    foreach (var cluster in table.Owners(row, fleet))
                    {
                        perCluster[cluster.Id].Add(item.DeepClone());
                    }
                }
            }

            return (table.DataSet, perCluster, null);
        }
        catch (ResourceGraphException ex)
        {
            return (table.DataSet, null, ex.Result.ToProblem(table.DataSet, "Microsoft.ResourceGraph/resources/read"));
        }
        catch (RequestFailedException ex)
        {
            return (table.DataSet, null, new CollectionProblem(table.DataSet, $"the Resource Graph query failed after retries: {ex.Message}"));
        }
    }

    private static string? Text(JsonObject row, params string[] path)
    {
        JsonNode? node = row;
        foreach (var key in path)
        {
            node = node is JsonObject obj ? obj[key] : null;
        }

        return ClusterSnapshot.TextOf(node);
    }

    /// <summary>The cluster an extension resource hangs off: the id before <c>/providers/Microsoft.KubernetesConfiguration/</c>.</summary>
    private static string? Owner(string? id)
    {
        var at = id?.IndexOf("/providers/Microsoft.KubernetesConfiguration/", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at > 0 ? id![..at] : null;
    }

    internal sealed record TableQuery(string DataSet, string Query, Func<JsonObject, FleetIndex, IEnumerable<ClusterSnapshot>> Owners, Func<JsonObject, JsonObject> Item);

    /// <summary>Finds clusters by id, node resource group, subscription or scope; ids compare case-insensitively.</summary>
    internal sealed class FleetIndex
    {
        private readonly Dictionary<string, ClusterSnapshot> _byId = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<ClusterSnapshot>> _byNodeGroup = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<ClusterSnapshot>> _bySubscription = new(StringComparer.OrdinalIgnoreCase);
        private readonly IReadOnlyList<ClusterSnapshot> _all;

        public FleetIndex(IReadOnlyList<ClusterSnapshot> clusters)
        {
            _all = clusters;
            foreach (var cluster in clusters)
            {
                _byId[Trim(cluster.Id)] = cluster;
                Add(_bySubscription, cluster.SubscriptionId, cluster);
                if (ClusterSnapshot.TextOf(cluster.Resource["properties"]?["nodeResourceGroup"]) is { Length: > 0 } nodeGroup)
                {
                    Add(_byNodeGroup, $"subscriptions/{cluster.SubscriptionId}/resourcegroups/{nodeGroup}", cluster);
                }
            }
        }

        public IEnumerable<ClusterSnapshot> ByCluster(string? id) =>
            id is not null && _byId.TryGetValue(Trim(id), out var cluster) ? [cluster] : [];

        /// <summary>The cluster itself, or the clusters whose node resource group holds the resource.</summary>
        public IEnumerable<ClusterSnapshot> ByResourceOrNodeGroup(string? id)
        {
            if (id is null)
            {
                return [];
            }

            var parts = Trim(id).Split('/');
            return _byId.TryGetValue(Trim(id), out var cluster) ? [cluster]
                : parts.Length >= 4 && _byNodeGroup.TryGetValue(string.Join('/', parts[..4]), out var owners) ? owners
                : [];
        }

        /// <summary>Clusters below a policy scope: a management group covers every cluster, a subscription its own.</summary>
        public IEnumerable<ClusterSnapshot> ByScope(string? scope)
        {
            if (scope is null)
            {
                return [];
            }

            if (scope.Contains("/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase))
            {
                return _all;
            }

            var parts = Trim(scope).Split('/');
            return parts.Length >= 2 && _bySubscription.TryGetValue(parts[1], out var clusters)
                ? clusters.Where(c => parts.Length < 4 || string.Equals(c.ResourceGroup, parts[3], StringComparison.OrdinalIgnoreCase))
                : [];
        }

        private static void Add(Dictionary<string, List<ClusterSnapshot>> index, string key, ClusterSnapshot cluster)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(cluster);
        }

        private static string Trim(string id) => id.Trim().Trim('/');
    }
}

/// <summary>Per data set: the rows of each cluster (by id), or the problem that stopped the whole table.</summary>
public sealed class TableData
{
    public Dictionary<string, Dictionary<string, JsonArray>> Sets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, CollectionProblem> Problems { get; } = new(StringComparer.OrdinalIgnoreCase);
}
