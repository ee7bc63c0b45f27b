using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Which alert rules in the <c>alertRules</c> data set watch this cluster: metric / log / activity-log alerts
/// whose <c>properties.scopes</c> hold the cluster id (or an ancestor scope with target type managedClusters), and
/// Prometheus rule groups whose <c>properties.clusterName</c> names it. Disabled rules do not count.
/// </summary>
internal static class AlertRuleScope
{
    private const string ClusterType = "Microsoft.ContainerService/managedClusters";

    public static IReadOnlyList<string> ForCluster(Probe probe, JsonNode? data)
    {
        var names = AzureDataProbe.Items(data)
            .Where(rule => Watches(rule, probe.Snapshot.Id, probe.Snapshot.Name))
            .Select(rule => Json.Text(rule["name"]) ?? Json.Text(rule["id"]) ?? "?")
            .ToList();
        probe.Note("azure.alertRules.watchingCluster", names.Count == 0 ? "none" : $"{names.Count}: {string.Join(", ", names)}");
        return names;
    }

    private static bool Watches(JsonObject rule, string clusterId, string clusterName)
    {
        var properties = rule["properties"] as JsonObject ?? rule;
        if (Json.Flag(properties["enabled"]) == false)
        {
            return false;
        }

        if (string.Equals(Json.Text(properties["clusterName"]), clusterName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var forClusters = string.Equals(Json.Text(properties["targetResourceType"]), ClusterType, StringComparison.OrdinalIgnoreCase);
        return Json.Texts(properties["scopes"]).Any(scope =>
            AzureJson.SameId(scope, clusterId) || (forClusters && AzureJson.IsWithin(clusterId, scope)));
    }
}
