using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// What the cluster's diagnostic settings send where (spec §3.3, 2021-05-01-preview: logs[].category / categoryGroup /
/// enabled, destinations). A category group is expanded to the categories Azure lists in it (the
/// <c>diagnosticCategories</c> data set); without that list the group stays unexpanded and a verdict that depends on
/// it is missing data, never PASS or FAIL.
/// </summary>
internal sealed record DiagnosticCoverage(IReadOnlyList<DiagnosticCoverage.Setting> Settings)
{
    public const string ApiServer = "kube-apiserver";
    public const string Audit = "kube-audit";
    public const string AuditAdmin = "kube-audit-admin";

    // Several rules read the settings of one snapshot; they are parsed once and shared.
    private const string FactName = "diagnosticCoverage";

    /// <summary>
    /// One setting: its enabled categories (named ones plus the members of its expanded groups), the groups it enables
    /// with their members, the groups that could not be expanded, and its destinations.
    /// </summary>
    public sealed record Setting(
        string Name,
        IReadOnlySet<string> Categories,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> ExpandedGroups,
        IReadOnlyList<string> UnexpandedGroups,
        string? WorkspaceId,
        bool HasDestination)
    {
        public bool Covers(string category) => Categories.Contains(category);

        public bool CoversAudit => Covers(Audit) || Covers(AuditAdmin);
    }

    /// <summary>The verdict to give when a conclusion depends on groups that could not be expanded; null when every group was.</summary>
    public Outcome? CategoriesMissing { get; private init; }

    public static bool TryRead(Probe probe, out DiagnosticCoverage coverage, out Outcome missing)
    {
        coverage = new DiagnosticCoverage([]);
        if (!probe.TryDataSet(AzureDataSets.DiagnosticSettings, out _, out missing))
        {
            return false;
        }

        coverage = probe.Snapshot.Reads.Fact(FactName, probe.Settings, static (snapshot, _) => Parse(snapshot.Azure));
        var usesGroups = false;
        foreach (var setting in coverage.Settings)
        {
            usesGroups |= setting.ExpandedGroups.Count > 0 || setting.UnexpandedGroups.Count > 0;
            probe.Note($"azure.diagnosticSettings[{setting.Name}]", Describe(setting));
        }

        // The categories list is evidence only where a group relies on it; its absence matters only then.
        if (usesGroups && !probe.TryDataSet(AzureDataSets.DiagnosticCategories, out _, out var categoriesMissing))
        {
            coverage = coverage with { CategoriesMissing = categoriesMissing };
        }

        return true;
    }

    /// <summary>Settings that deliver somewhere; a setting without a destination collects nothing.</summary>
    public IEnumerable<Setting> Delivering => Settings.Where(s => s.HasDestination);

    /// <summary>
    /// The missing-data verdict for a conclusion drawn from <paramref name="settings"/> when some of them enable groups
    /// that could not be expanded: the categories those groups hold might have changed it. Null when nothing is unknown.
    /// </summary>
    public Outcome? Unknown(IEnumerable<Setting> settings)
    {
        if (CategoriesMissing is not { } missing)
        {
            return null;
        }

        var unexpanded = settings.Where(s => s.UnexpandedGroups.Count > 0).ToList();
        if (unexpanded.Count == 0)
        {
            return null;
        }

        var groups = unexpanded.SelectMany(s => s.UnexpandedGroups).Distinct(StringComparer.OrdinalIgnoreCase);
        return missing with
        {
            Message = $"Diagnostic setting(s) {RuleText.List(unexpanded.Select(s => s.Name))} enable category group(s) {RuleText.List(groups)}, "
                + $"whose categories are unknown because the diagnostic categories list was not read. {missing.Message}",
        };
    }

    private static DiagnosticCoverage Parse(Snapshots.AzureData azure)
    {
        azure.TryGet(AzureDataSets.DiagnosticSettings, out var settings);
        var groups = azure.TryGet(AzureDataSets.DiagnosticCategories, out var categories) ? DiagnosticCategoryGroups.Read(categories) : null;
        var items = AzureJson.Items(settings);
        var read = new List<Setting>(items.Count);
        foreach (var item in items)
        {
            read.Add(Read(item, groups));
        }

        return new DiagnosticCoverage(read);
    }

    private static Setting Read(JsonObject item, DiagnosticCategoryGroups? groups)
    {
        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var expanded = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        var unexpanded = new List<string>();
        foreach (var log in AzureJson.Objects(item, "properties.logs"))
        {
            if (AzureJson.Bool(log, "enabled") != true)
            {
                continue;
            }

            if (AzureJson.Text(log, "category") is { Length: > 0 } category)
            {
                categories.Add(category);
            }

            if (AzureJson.Text(log, "categoryGroup") is not { Length: > 0 } group)
            {
                continue;
            }

            if (groups is null)
            {
                unexpanded.Add(group);
                continue;
            }

            var members = groups.Members(group);
            categories.UnionWith(members);
            expanded.Add(KeyValuePair.Create(group, members));
        }

        var workspace = Present(item, "properties.workspaceId");
        var destination = workspace is not null || Present(item, "properties.storageAccountId") is not null
            || Present(item, "properties.eventHubAuthorizationRuleId") is not null || Present(item, "properties.marketplacePartnerId") is not null;
        return new Setting(AzureJson.Name(item), categories, expanded, unexpanded, workspace, destination);
    }

    private static string Describe(Setting setting)
    {
        var logs = setting.Categories.Count == 0 ? "none" : string.Join(", ", setting.Categories.Order(StringComparer.OrdinalIgnoreCase));
        var groups = string.Concat(setting.ExpandedGroups.Select(g => $"; group {g.Key}: {(g.Value.Count == 0 ? "no categories" : string.Join(", ", g.Value))}"))
            + string.Concat(setting.UnexpandedGroups.Select(g => $"; group {g}: not expanded (diagnostic categories not read)"));
        var destination = setting.HasDestination ? setting.WorkspaceId ?? "storage / event hub / partner" : "none";
        return $"logs: {logs}{groups}; destination: {destination}";
    }

    private static string? Present(JsonObject item, string path) => AzureJson.Text(item, path) is { Length: > 0 } value ? value : null;
}
