using System.Globalization;
using System.Text.Json.Nodes;

namespace AksPosture.AzureEmulator.Fixtures;

/// <summary>
/// The ARM answers about one cluster, derived from its index so that a fleet of 10,000 costs no memory until asked:
/// a third have no diagnostic setting, half have both planned maintenance windows, every running cluster has a week
/// of hourly node metrics per pool. Shapes follow the rule catalog spec §3.
/// </summary>
public static class ClusterData
{
    public static JsonObject DiagnosticSettings(EmulatedCluster cluster)
    {
        var settings = new JsonArray();
        if (cluster.Index % 3 != 0)
        {
            settings.Add(new JsonObject
            {
                ["id"] = $"{cluster.Id}/providers/microsoft.insights/diagnosticSettings/to-workspace",
                ["name"] = "to-workspace",
                ["properties"] = new JsonObject
                {
                    ["workspaceId"] = $"/subscriptions/{cluster.Subscription.Id}/resourceGroups/rg-monitor/providers/Microsoft.OperationalInsights/workspaces/law-fleet",
                    ["logs"] = new JsonArray(Log("kube-audit-admin"), Log("kube-apiserver"), Log("guard")),
                    ["metrics"] = new JsonArray(new JsonObject { ["category"] = "AllMetrics", ["enabled"] = true }),
                },
            });
        }

        return new JsonObject { ["value"] = settings };
    }

    /// <summary>
    /// The log categories of managed clusters (supported-logs reference, rule catalog spec §1.2) and the AllMetrics
    /// metric, with their category groups: every log category is in allLogs. Which categories the audit group holds is
    /// not documented for AKS; kube-audit, kube-audit-admin and guard here are sample data, not a verified fact.
    /// </summary>
    public static JsonObject DiagnosticCategories(EmulatedCluster cluster) => new()
    {
        ["value"] = new JsonArray(
        [
            .. LogCategories.Select(c => (JsonNode)Category(cluster, c, "Logs", AuditSample.Contains(c) ? ["allLogs", "audit"] : ["allLogs"])),
            Category(cluster, "AllMetrics", "Metrics", []),
        ]),
    };

    private static readonly string[] LogCategories =
    [
        "cloud-controller-manager", "cluster-autoscaler", "csi-azuredisk-controller", "csi-azurefile-controller", "csi-snapshot-controller",
        "guard", "kube-apiserver", "kube-audit", "kube-audit-admin", "kube-controller-manager", "kube-scheduler",
    ];

    private static readonly string[] AuditSample = ["kube-audit", "kube-audit-admin", "guard"];

    public static JsonObject MaintenanceConfigurations(EmulatedCluster cluster) => new()
    {
        ["value"] = cluster.Index % 2 == 0
            ? new JsonArray(Window(cluster, "aksManagedAutoUpgradeSchedule"), Window(cluster, "aksManagedNodeOSUpgradeSchedule"))
            : new JsonArray(),
    };

    public static JsonObject AgentPools(EmulatedCluster cluster) => new()
    {
        ["value"] = new JsonArray([.. cluster.Pools.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = $"{cluster.Id}/agentPools/{p["name"]}",
            ["name"] = p["name"]?.DeepClone(),
            ["type"] = "Microsoft.ContainerService/managedClusters/agentPools",
            ["properties"] = p.DeepClone(),
        })]),
    };

    /// <summary>Even-numbered subscriptions run Defender for Containers (Standard), odd ones do not (Free).</summary>
    public static JsonObject DefenderPricing(EmulatedSubscription subscription) => new()
    {
        ["id"] = $"/subscriptions/{subscription.Id}/providers/Microsoft.Security/pricings/Containers",
        ["name"] = "Containers",
        ["type"] = "Microsoft.Security/pricings",
        ["properties"] = new JsonObject { ["pricingTier"] = subscription.Index % 2 == 0 ? "Standard" : "Free", ["freeTrialRemainingTime"] = "PT0S" },
    };

    /// <summary>A Monitor metrics response: hourly points per node pool between the requested start and end.</summary>
    public static JsonObject Metrics(EmulatedCluster cluster, string? timespan, string? metricNames)
    {
        var (start, end) = ParseTimespan(timespan);
        var hours = Math.Clamp((int)(end - start).TotalHours, 1, 24 * 31);
        var names = (metricNames ?? "node_cpu_usage_percentage").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var value = new JsonArray();
        foreach (var name in names)
        {
            var perPool = name.StartsWith("node_", StringComparison.Ordinal);
            var series = new JsonArray();
            foreach (var pool in perPool ? cluster.Pools.Select(p => (string?)p["name"] ?? "pool") : [""])
            {
                var level = perPool ? 15 + ((cluster.Index * 7) + pool.Length) % 60 : 0;
                var data = new JsonArray();
                for (var h = 0; h < hours; h++)
                {
                    var average = level + (h % 24 < 8 ? 0 : 10);
                    data.Add(new JsonObject { ["timeStamp"] = start.AddHours(h).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["average"] = average, ["maximum"] = perPool ? average + 12 : 0 });
                }

                series.Add(new JsonObject
                {
                    ["metadatavalues"] = perPool ? new JsonArray(new JsonObject { ["name"] = new JsonObject { ["value"] = "nodepool", ["localizedValue"] = "nodepool" }, ["value"] = pool }) : new JsonArray(),
                    ["data"] = data,
                });
            }

            value.Add(new JsonObject
            {
                ["id"] = $"{cluster.Id}/providers/Microsoft.Insights/metrics/{name}",
                ["type"] = "Microsoft.Insights/metrics",
                ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = name },
                ["unit"] = perPool ? "Percent" : "Count",
                ["errorCode"] = "Success",
                ["timeseries"] = series,
            });
        }

        return new JsonObject
        {
            ["cost"] = 0,
            ["timespan"] = timespan,
            ["interval"] = "PT1H",
            ["namespace"] = "microsoft.containerservice/managedclusters",
            ["resourceregion"] = cluster.Resource["location"]?.DeepClone(),
            ["value"] = value,
        };
    }

    private static JsonObject Category(EmulatedCluster cluster, string name, string type, string[] groups) => new()
    {
        ["id"] = $"{cluster.Id}/providers/microsoft.insights/diagnosticSettingsCategories/{name}",
        ["name"] = name,
        ["type"] = "Microsoft.Insights/diagnosticSettingsCategories",
        ["properties"] = new JsonObject
        {
            ["categoryType"] = type,
            ["categoryGroups"] = new JsonArray([.. groups.Select(g => (JsonNode)JsonValue.Create(g))]),
        },
    };

    private static JsonObject Log(string category) => new() { ["category"] = category, ["enabled"] = true };

    private static JsonObject Window(EmulatedCluster cluster, string name) => new()
    {
        ["id"] = $"{cluster.Id}/maintenanceConfigurations/{name}",
        ["name"] = name,
        ["type"] = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations",
        ["properties"] = new JsonObject
        {
            ["maintenanceWindow"] = new JsonObject
            {
                ["schedule"] = new JsonObject { ["weekly"] = new JsonObject { ["intervalWeeks"] = 1, ["dayOfWeek"] = "Sunday" } },
                ["durationHours"] = 4,
                ["startTime"] = "02:00",
                ["utcOffset"] = "+00:00",
            },
        },
    };

    private static (DateTime Start, DateTime End) ParseTimespan(string? timespan)
    {
        var parts = timespan?.Split('/') ?? [];
        return parts.Length == 2
            && DateTime.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var start)
            && DateTime.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var end)
            ? (start, end)
            : (DateTime.UtcNow.Date.AddDays(-7), DateTime.UtcNow.Date);
    }
}
