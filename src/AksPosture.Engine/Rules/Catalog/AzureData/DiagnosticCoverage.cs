using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// What the cluster's diagnostic settings send where (spec §3.3, 2021-05-01-preview: logs[].category / categoryGroup /
/// enabled, destinations). Category group "allLogs" covers every category; "audit" is taken to cover kube-audit,
/// kube-audit-admin and guard (not verified: AKS does not document the group's members; the categories call would).
/// </summary>
internal sealed record DiagnosticCoverage(IReadOnlyList<DiagnosticCoverage.Setting> Settings)
{
    public const string ApiServer = "kube-apiserver";
    public static readonly string[] AuditCategories = ["kube-audit", "kube-audit-admin"];
    private static readonly string[] AuditGroup = ["kube-audit", "kube-audit-admin", "guard"];

    /// <summary>One setting: its enabled categories (<c>*</c> for allLogs) and its destinations.</summary>
    public sealed record Setting(string Name, IReadOnlySet<string> Categories, string? WorkspaceId, bool HasDestination)
    {
        public bool Covers(string category) => Categories.Contains("*") || Categories.Contains(category);

        public bool CoversAudit => AuditCategories.Any(Covers);
    }

    public static bool TryRead(Probe probe, out DiagnosticCoverage coverage, out Outcome missing)
    {
        coverage = new DiagnosticCoverage([]);
        if (!probe.TryDataSet(AzureDataSets.DiagnosticSettings, out var data, out missing))
        {
            return false;
        }

        coverage = new DiagnosticCoverage(AzureJson.Items(data).Select(Read).ToList());
        foreach (var setting in coverage.Settings)
        {
            probe.Note($"azure.diagnosticSettings[{setting.Name}]",
                $"logs: {(setting.Categories.Count == 0 ? "none" : string.Join(", ", setting.Categories.Order()))}; destination: {(setting.HasDestination ? setting.WorkspaceId ?? "storage / event hub / partner" : "none")}");
        }

        return true;
    }

    /// <summary>Settings that deliver somewhere; a setting without a destination collects nothing.</summary>
    public IEnumerable<Setting> Delivering => Settings.Where(s => s.HasDestination);

    private static Setting Read(JsonObject item)
    {
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var log in AzureJson.Objects(item, "properties.logs").Where(l => AzureJson.Bool(l, "enabled") == true))
        {
            if (AzureJson.Text(log, "category") is { Length: > 0 } category)
            {
                categories.Add(category);
            }

            switch (AzureJson.Text(log, "categoryGroup")?.ToLowerInvariant())
            {
                case "alllogs":
                    categories.Add("*");
                    break;
                case "audit":
                    categories.UnionWith(AuditGroup);
                    break;
            }
        }

        var workspace = Present(item, "properties.workspaceId");
        var destination = workspace is not null || new[] { "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId" }
            .Any(d => Present(item, $"properties.{d}") is not null);
        return new Setting(AzureJson.Name(item), categories, workspace, destination);
    }

    private static string? Present(JsonObject item, string path) => AzureJson.Text(item, path) is { Length: > 0 } value ? value : null;
}
