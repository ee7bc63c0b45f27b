using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// Multi-region redundancy of a critical workload: sibling clusters of the same workload in other regions (Resource
/// Graph rows, type lower-cased) and a global router in front of them (Front Door Standard/Premium profiles or their
/// origins, classic Front Door, or an enabled Traffic Manager profile). The collector selects the routers whose origins or
/// endpoints point at the workload; DNS resolution is not the rules' job.
/// </summary>
internal static class GlobalRedundancy
{
    private const string ClusterType = "microsoft.containerservice/managedclusters";

    public static void Check(Probe probe, Findings findings)
    {
        var group = probe.WorkloadGroup();
        if (group is null)
        {
            findings.Warn($"the workload is declared critical but has no workload tag ({string.Join(", ", probe.Settings.WorkloadTagKeys)}) to find its clusters in other regions");
        }
        else if (!probe.TryDataSet(DataSetNames.WorkloadSiblings, out var rows, out var missing))
        {
            findings.Missing(missing);
        }
        else
        {
            var regions = Siblings(probe, AzureJson.Items(rows), group).Select(r => AzureJson.Text(r, "location") ?? "")
                .Where(l => l.Length > 0 && !l.Equals(probe.Snapshot.Location, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            probe.Note("azure.workloadSiblings.regions", regions.Count == 0 ? "none" : string.Join(", ", regions));
            if (regions.Count == 0)
            {
                findings.Fail($"the critical workload '{group}' runs in {probe.Snapshot.Location} only; no cluster of it runs in another region");
            }
        }

        if (!probe.TryDataSet(DataSetNames.GlobalRouting, out var data, out var routingMissing))
        {
            findings.Missing(routingMissing);
            return;
        }

        var routers = AzureJson.Items(data).Where(IsGlobalRouter).Select(AzureJson.Name).Distinct().ToList();
        probe.Note("azure.globalRouting.routers", routers.Count == 0 ? "none" : string.Join(", ", routers));
        if (routers.Count == 0)
        {
            findings.Fail("no Front Door or Traffic Manager routes traffic to the critical workload across regions");
        }
    }

    private static IEnumerable<JsonObject> Siblings(Probe probe, IReadOnlyList<JsonObject> rows, string group) =>
        rows.Where(r => (AzureJson.Text(r, "type") is not { } type || type.Equals(ClusterType, StringComparison.OrdinalIgnoreCase))
            && !AzureJson.SameId(AzureJson.Text(r, "id"), probe.Snapshot.Id)
            && probe.Settings.WorkloadTagKeys.Any(k => r["tags"] is JsonObject tags
                && Json.Text(tags.FirstOrDefault(t => t.Key.Equals(k, StringComparison.OrdinalIgnoreCase)).Value) is { } value
                && value.Equals(group, StringComparison.OrdinalIgnoreCase)));

    private static bool IsGlobalRouter(JsonObject item)
    {
        var type = AzureJson.Text(item, "type") ?? "";
        return type.ToLowerInvariant() switch
        {
            "microsoft.cdn/profiles" => AzureJson.Text(item, "sku.name") is { } sku && sku.EndsWith("_AzureFrontDoor", StringComparison.OrdinalIgnoreCase),
            "microsoft.cdn/profiles/origingroups/origins" or "microsoft.network/frontdoors" => true,
            "microsoft.network/trafficmanagerprofiles" => !string.Equals(AzureJson.Text(item, "properties.profileStatus"), "Disabled", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
