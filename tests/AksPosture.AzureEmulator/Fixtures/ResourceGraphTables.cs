using System.Text.Json.Nodes;

namespace AksPosture.AzureEmulator.Fixtures;

/// <summary>
/// The Resource Graph tables, as rows: clusters (<c>resources</c>), subscriptions (<c>resourcecontainers</c>), and the
/// tables the collectors read per-cluster data from. A quarter of the clusters have an Advisor recommendation, every
/// eighth one more on its node resource group; even subscriptions assign the Kubernetes baseline initiative; every
/// fifth cluster is non-compliant; every third has a backup instance; even ones run Flux.
/// </summary>
public sealed class ResourceGraphTables(FleetFixture fleet)
{
    private readonly Lazy<Dictionary<string, List<JsonObject>>> _tables = new(() => Build(fleet));

    /// <summary>The rows of a table (lower-case name), in a stable order.</summary>
    public IReadOnlyList<JsonObject> Rows(string table) => _tables.Value.GetValueOrDefault(table.ToLowerInvariant()) ?? [];

    private static Dictionary<string, List<JsonObject>> Build(FleetFixture fleet)
    {
        var tables = new Dictionary<string, List<JsonObject>>(StringComparer.OrdinalIgnoreCase)
        {
            ["resources"] = fleet.Clusters.Select(c => c.ResourceGraphRow()).ToList(),
            ["resourcecontainers"] = fleet.Subscriptions.Select(s => new JsonObject
            {
                ["id"] = $"/subscriptions/{s.Id}", ["type"] = "microsoft.resources/subscriptions", ["subscriptionId"] = s.Id, ["name"] = s.Name,
            }).ToList(),
            ["advisorresources"] = [],
            ["policyresources"] = [],
            ["recoveryservicesresources"] = [],
            ["kubernetesconfigurationresources"] = [],
        };

        foreach (var subscription in fleet.Subscriptions.Where(s => s.Index % 2 == 0))
        {
            var scope = $"/subscriptions/{subscription.Id}";
            tables["policyresources"].Add(Row($"{scope}/providers/Microsoft.Authorization/policyAssignments/aks-baseline", "microsoft.authorization/policyassignments", subscription, new JsonObject
            {
                ["displayName"] = "Kubernetes cluster pod security baseline standards for Linux-based workloads",
                ["policyDefinitionId"] = "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d",
                ["scope"] = scope,
                ["notScopes"] = new JsonArray(),
            }));
        }

        foreach (var cluster in fleet.Clusters)
        {
            AddClusterRows(tables, cluster);
        }

        return tables;
    }

    private static void AddClusterRows(Dictionary<string, List<JsonObject>> tables, EmulatedCluster cluster)
    {
        var s = cluster.Subscription;
        if (cluster.Index % 4 == 0)
        {
            tables["advisorresources"].Add(Advisor($"{cluster.Id}/providers/Microsoft.Advisor/recommendations/{Guid(cluster, 1)}", cluster.Id, "Microsoft.ContainerService/managedClusters", "Cost", "Medium", "Right-size the user node pools", s));
        }

        if (cluster.Index % 8 == 0)
        {
            var vmss = $"/subscriptions/{s.Id}/resourceGroups/{cluster.NodeResourceGroup}/providers/Microsoft.Compute/virtualMachineScaleSets/aks-system-vmss";
            tables["advisorresources"].Add(Advisor($"{vmss}/providers/Microsoft.Advisor/recommendations/{Guid(cluster, 2)}", vmss, "Microsoft.Compute/virtualMachineScaleSets", "HighAvailability", "High", "Use availability zones for the scale set", s));
        }

        if (cluster.Index % 5 == 0)
        {
            tables["policyresources"].Add(new JsonObject
            {
                ["id"] = $"{cluster.Id}/providers/Microsoft.PolicyInsights/policyStates/{Guid(cluster, 3)}",
                ["type"] = "microsoft.policyinsights/policystates",
                ["subscriptionId"] = s.Id,
                ["properties"] = new JsonObject
                {
                    ["resourceId"] = cluster.Id, ["resourceType"] = "Microsoft.ContainerService/managedClusters", ["complianceState"] = "NonCompliant",
                    ["policyDefinitionId"] = "/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4",
                    ["policyAssignmentId"] = $"/subscriptions/{s.Id}/providers/Microsoft.Authorization/policyAssignments/aks-baseline",
                },
            });
        }

        if (cluster.Index % 3 == 0)
        {
            var vault = $"/subscriptions/{s.Id}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/bv-aks";
            tables["recoveryservicesresources"].Add(Row($"{vault}/backupInstances/{cluster.Name}", "microsoft.dataprotection/backupvaults/backupinstances", s, new JsonObject
            {
                ["friendlyName"] = cluster.Name,
                ["dataSourceInfo"] = new JsonObject { ["resourceID"] = cluster.Id, ["datasourceType"] = "Microsoft.ContainerService/managedClusters" },
                ["protectionStatus"] = new JsonObject { ["status"] = "ProtectionConfigured" },
            }));
        }

        if (cluster.Index % 2 == 0)
        {
            var configuration = $"{cluster.Id}/providers/Microsoft.KubernetesConfiguration";
            tables["kubernetesconfigurationresources"].Add(Row($"{configuration}/extensions/flux", "microsoft.kubernetesconfiguration/extensions", s,
                new JsonObject { ["extensionType"] = "microsoft.flux", ["provisioningState"] = "Succeeded" }));
            tables["kubernetesconfigurationresources"].Add(Row($"{configuration}/fluxConfigurations/cluster-config", "microsoft.kubernetesconfiguration/fluxconfigurations", s,
                new JsonObject { ["complianceState"] = "Compliant", ["provisioningState"] = "Succeeded" }));
        }
    }

    private static JsonObject Advisor(string id, string target, string targetType, string category, string impact, string problem, EmulatedSubscription s) =>
        Row(id, "microsoft.advisor/recommendations", s, new JsonObject
        {
            ["category"] = category, ["impact"] = impact, ["impactedField"] = targetType, ["impactedValue"] = target.Split('/')[^1],
            ["shortDescription"] = new JsonObject { ["problem"] = problem, ["solution"] = problem },
            ["resourceMetadata"] = new JsonObject { ["resourceId"] = target },
        });

    private static JsonObject Row(string id, string type, EmulatedSubscription s, JsonObject properties) => new()
    {
        ["id"] = id, ["name"] = id.Split('/')[^1], ["type"] = type, ["subscriptionId"] = s.Id, ["properties"] = properties,
    };

    private static string Guid(EmulatedCluster cluster, int n) => $"{n:D8}-0000-4000-8000-{cluster.Index:D12}";
}
