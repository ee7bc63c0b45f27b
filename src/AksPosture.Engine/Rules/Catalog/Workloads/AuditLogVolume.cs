using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// kube-audit holds every API call, kube-audit-admin the same minus reads: sending both to one Log Analytics
/// workspace pays twice for the writes. Read from the <c>diagnosticSettings</c> data set.
/// </summary>
internal static class AuditLogVolume
{
    private const string Audit = "kube-audit";
    private const string AuditAdmin = "kube-audit-admin";

    /// <summary>Workspaces that receive both audit categories, from any mix of the cluster's diagnostic settings.</summary>
    public static IReadOnlyList<string> WorkspacesWithBoth(Probe probe, JsonNode? data)
    {
        var categoriesByWorkspace = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in AzureDataProbe.Items(data))
        {
            var properties = setting["properties"] as JsonObject ?? setting;
            if (Json.Text(properties["workspaceId"]) is not { Length: > 0 } workspace)
            {
                continue;
            }

            if (!categoriesByWorkspace.TryGetValue(workspace, out var categories))
            {
                categoriesByWorkspace[workspace] = categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            foreach (var log in Json.Objects(properties["logs"]).Where(IsEnabled))
            {
                // allLogs is every category by definition; other groups are not expanded without the categories list.
                if (string.Equals(Json.Text(log["categoryGroup"]), "allLogs", StringComparison.OrdinalIgnoreCase))
                {
                    categories.UnionWith([Audit, AuditAdmin]);
                }
                else if (Json.Text(log["category"]) is { } category)
                {
                    categories.Add(category);
                }
            }
        }

        var doubled = categoriesByWorkspace.Where(w => w.Value.Contains(Audit) && w.Value.Contains(AuditAdmin))
            .Select(w => w.Key[(w.Key.LastIndexOf('/') + 1)..])
            .ToList();
        probe.Note("azure.diagnosticSettings.workspacesWithBothAuditLogs", doubled.Count == 0 ? "none" : string.Join(", ", doubled));
        return doubled;
    }

    private static bool IsEnabled(JsonObject log) => Json.Flag(log["enabled"]) == true;
}
