using System.Text.Json;
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
            .Select(rule => KubeJson.Text(rule["name"]) ?? KubeJson.Text(rule["id"]) ?? "?")
            .ToList();
        probe.Note("azure.alertRules.watchingCluster", names.Count == 0 ? "none" : $"{names.Count}: {string.Join(", ", names)}");
        return names;
    }

    private static bool Watches(JsonObject rule, string clusterId, string clusterName)
    {
        var properties = rule["properties"] as JsonObject ?? rule;
        if (IsFalse(properties["enabled"]))
        {
            return false;
        }

        if (string.Equals(KubeJson.Text(properties["clusterName"]), clusterName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var forClusters = string.Equals(KubeJson.Text(properties["targetResourceType"]), ClusterType, StringComparison.OrdinalIgnoreCase);
        return KubeJson.Texts(properties["scopes"]).Any(scope =>
            string.Equals(scope.TrimEnd('/'), clusterId, StringComparison.OrdinalIgnoreCase)
            || (forClusters && clusterId.StartsWith(scope.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool IsFalse(JsonNode? node) => node is JsonValue v
        && (v.GetValueKind() == JsonValueKind.False || (v.TryGetValue<string>(out var s) && s.Equals("false", StringComparison.OrdinalIgnoreCase)));
}
