using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Assignments in the <c>policyAssignments</c> data set (ARM <c>policyAssignments</c> or Resource Graph
/// <c>policyresources</c> rows) that apply a given definition to this cluster.
/// </summary>
internal static class PolicyAssignmentScope
{
    public static IReadOnlyList<string> Assigning(Probe probe, JsonNode? data, string definitionGuid)
    {
        var clusterId = probe.Snapshot.Id;
        var names = AzureDataProbe.Items(data)
            .Where(a => a["properties"] is JsonObject p && Assigns(p, definitionGuid) && Covers(p, clusterId))
            .Select(a => KubeJson.Text(a["properties"]?["displayName"]) ?? KubeJson.Text(a["name"]) ?? "?")
            .ToList();
        probe.Note($"azure.policyAssignments.assigning[{definitionGuid}]", names.Count == 0 ? "none" : string.Join(", ", names));
        return names;
    }

    private static bool Assigns(JsonObject properties, string definitionGuid) =>
        KubeJson.Text(properties["policyDefinitionId"])?.EndsWith("/policyDefinitions/" + definitionGuid, StringComparison.OrdinalIgnoreCase) == true;

    // The collector lists assignments at scopes above the cluster; management-group scopes cannot be checked
    // against a resource id and are trusted. An exclusion (notScopes) above or at the cluster removes it.
    private static bool Covers(JsonObject properties, string clusterId)
    {
        var scope = KubeJson.Text(properties["scope"]);
        var covers = scope is null
            || scope.Contains("/providers/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase)
            || IsAtOrAbove(scope, clusterId);
        return covers && !KubeJson.Texts(properties["notScopes"]).Any(excluded => IsAtOrAbove(excluded, clusterId));
    }

    private static bool IsAtOrAbove(string scope, string clusterId)
    {
        var trimmed = scope.TrimEnd('/');
        return trimmed.Equals(clusterId, StringComparison.OrdinalIgnoreCase)
            || clusterId.StartsWith(trimmed + "/", StringComparison.OrdinalIgnoreCase);
    }
}
