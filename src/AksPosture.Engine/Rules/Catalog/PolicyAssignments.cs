using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>
/// Assignments in the <c>policyAssignments</c> data set (ARM <c>policyAssignments</c> or Resource Graph
/// <c>policyresources</c> rows): whether one covers the cluster, and which apply a given definition to it.
/// </summary>
internal static class PolicyAssignments
{
    /// <summary>
    /// An assignment applies at and below its scope except under its notScopes. The collector lists assignments at scopes
    /// above the cluster; management-group scopes cannot be checked against a resource id and are taken as covering.
    /// </summary>
    public static bool Covers(string clusterId, string? scope, IEnumerable<string> notScopes)
    {
        var covered = scope is null
            || scope.Contains("/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase)
            || AzureJson.IsWithin(clusterId, scope);
        return covered && !notScopes.Any(excluded => AzureJson.IsWithin(clusterId, excluded));
    }

    /// <summary>Names of the assignments that apply the definition to the cluster; odd values read as absent.</summary>
    public static IReadOnlyList<string> Assigning(Probe probe, JsonNode? data, string definitionGuid)
    {
        var names = AzureDataProbe.Items(data)
            .Where(a => a["properties"] is JsonObject p && Assigns(p, definitionGuid)
                && Covers(probe.Snapshot.Id, Json.Text(p["scope"]), Json.Texts(p["notScopes"])))
            .Select(a => Json.Text(a["properties"]?["displayName"]) ?? Json.Text(a["name"]) ?? "?")
            .ToList();
        probe.Note($"azure.policyAssignments.assigning[{definitionGuid}]", names.Count == 0 ? "none" : string.Join(", ", names));
        return names;
    }

    private static bool Assigns(JsonObject properties, string definitionGuid) =>
        Json.Text(properties["policyDefinitionId"])?.EndsWith("/policyDefinitions/" + definitionGuid, StringComparison.OrdinalIgnoreCase) == true;
}
