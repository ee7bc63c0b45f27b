using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// The backup instances that protect this cluster (Microsoft.DataProtection 2025-07-01: properties.dataSourceInfo.resourceID,
/// datasourceType, protectionStatus.status). Verified: the status enum includes ProtectionConfigured,
/// ConfiguringProtection, ConfiguringProtectionFailed, ProtectionStopped, SoftDeleted, SoftDeleting (the list example shows
/// NotProtected while provisioning).
/// </summary>
internal static class BackupInstances
{
    public const string Configured = "ProtectionConfigured";
    private const string ClusterDatasource = "Microsoft.ContainerService/managedClusters";

    /// <summary>Instances protecting the cluster, or the missing-data verdict.</summary>
    public static bool TryFind(Probe probe, out IReadOnlyList<JsonObject> instances, out Outcome missing)
    {
        instances = [];
        if (!probe.TryDataSet(AzureDataSets.BackupInstances, out var data, out missing))
        {
            return false;
        }

        instances = AzureJson.Items(data).Where(i => Protects(i, probe.Snapshot.Id)).ToList();
        foreach (var instance in instances)
        {
            probe.Note($"azure.backupInstances[{AzureJson.Name(instance)}].properties.protectionStatus.status", Status(instance));
        }

        return true;
    }

    public static string? Status(JsonObject instance) => AzureJson.Text(instance, "properties.protectionStatus.status");

    public static string? Vault(JsonObject instance) => AzureJson.Parent(AzureJson.Text(instance, "id"), "backupInstances");

    /// <summary>Adds a warning for every instance that is not fully protected.</summary>
    public static void CheckStatus(IEnumerable<JsonObject> instances, Findings findings)
    {
        foreach (var instance in instances.Where(i => !string.Equals(Status(i), Configured, StringComparison.OrdinalIgnoreCase)))
        {
            findings.Warn($"backup instance '{AzureJson.Name(instance)}' is {Status(instance) ?? "in an unknown state"}, not {Configured}");
        }
    }

    private static bool Protects(JsonObject instance, string clusterId)
    {
        var type = AzureJson.Text(instance, "properties.dataSourceInfo.datasourceType");
        return AzureJson.SameId(AzureJson.Text(instance, "properties.dataSourceInfo.resourceID"), clusterId)
            && (type is null || type.Equals(ClusterDatasource, StringComparison.OrdinalIgnoreCase));
    }
}
