using AksPosture.Engine.Rules.Catalog.AzureData;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// kube-audit holds every API call, kube-audit-admin the same minus reads: sending both to one Log Analytics
/// workspace pays twice for the writes. Read from the diagnostic settings, category groups expanded.
/// </summary>
internal static class AuditLogVolume
{
    /// <summary>Workspaces that receive both audit categories, from any mix of the cluster's diagnostic settings.</summary>
    public static IReadOnlyList<string> WorkspacesWithBoth(Probe probe, DiagnosticCoverage coverage)
    {
        var audit = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var auditAdmin = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in coverage.Settings)
        {
            if (setting.WorkspaceId is not { } workspace)
            {
                continue;
            }

            if (setting.Covers(DiagnosticCoverage.Audit))
            {
                audit.Add(workspace);
            }

            if (setting.Covers(DiagnosticCoverage.AuditAdmin))
            {
                auditAdmin.Add(workspace);
            }
        }

        audit.IntersectWith(auditAdmin);
        var doubled = audit.Select(w => w[(w.LastIndexOf('/') + 1)..]).Order(StringComparer.OrdinalIgnoreCase).ToList();
        probe.Note("azure.diagnosticSettings.workspacesWithBothAuditLogs", doubled.Count == 0 ? "none" : string.Join(", ", doubled));
        return doubled;
    }
}
