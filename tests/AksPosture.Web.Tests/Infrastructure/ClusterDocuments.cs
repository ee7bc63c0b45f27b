using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>Variants of the mostly compliant fixture, each under its own name so tests sharing a database stay apart.</summary>
public static class ClusterDocuments
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";

    public static ClusterSnapshot Variant(string name, Action<JsonObject>? change = null) => InSubscription(SubscriptionId, name, change);

    /// <summary>A variant in a subscription of the test's own, so runs scoped to it see only the test's clusters.</summary>
    public static ClusterSnapshot InSubscription(string subscriptionId, string name, Action<JsonObject>? change = null)
    {
        var resource = JsonNode.Parse(Fixtures.Read(Fixtures.MostlyCompliant))!.AsObject();
        resource["name"] = name;
        resource["id"] = $"/subscriptions/{subscriptionId}/resourcegroups/rg-tests/providers/Microsoft.ContainerService/managedClusters/{name}";
        change?.Invoke(resource);
        return SnapshotReader.Read(resource.ToJsonString(), name).Snapshots.Single();
    }

    public static void AllowLocalAccounts(JsonObject resource) => resource["properties"]!["disableLocalAccounts"] = false;

    public static void FreeTier(JsonObject resource) => resource["sku"]!["tier"] = "Free";
}
