using System.Text.Json;
using System.Text.Json.Serialization;

namespace AksPosture.Engine.Assessment;

/// <summary>
/// A context file: what each cluster is for, and optionally settings that replace the defaults.
/// <code>
/// { "settings": { "minimumKubernetesVersion": "1.35", "allowedRegistries": ["*.azurecr.io"] },
///   "clusters": { "aks-orders-prod-weu": { "production": true, "critical": true, "workloadGroup": "orders" } } }
/// </code>
/// Clusters are keyed by name or ARM resource id; unknown keys are errors, so a typo cannot silently do nothing.
/// </summary>
public static class ContextFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static (AssessmentSettings? Settings, string? Error) Read(string path, AssessmentSettings? defaults = null)
    {
        try
        {
            return Parse(File.ReadAllText(path), defaults);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot read the context file: {ex.Message}");
        }
    }

    public static (AssessmentSettings? Settings, string? Error) Parse(string json, AssessmentSettings? defaults = null)
    {
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json, Options) ?? new Document();
            var settings = document.Settings is null ? defaults ?? AssessmentSettings.Default : Merge(defaults ?? AssessmentSettings.Default, document.Settings);
            var clusters = new Dictionary<string, ClusterContextOverride>(document.Clusters ?? [], StringComparer.OrdinalIgnoreCase);
            return (settings with { ContextOverrides = clusters }, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            return (null, $"invalid context file{where}: {ex.Message.Split(" Path:")[0]}");
        }
    }

    // Only the settings the file names replace the defaults.
    private static AssessmentSettings Merge(AssessmentSettings d, SettingsDocument s) => d with
    {
        EnvironmentTagKeys = s.EnvironmentTagKeys ?? d.EnvironmentTagKeys,
        ProductionValues = s.ProductionValues ?? d.ProductionValues,
        NonProductionValues = s.NonProductionValues ?? d.NonProductionValues,
        CriticalTagKeys = s.CriticalTagKeys ?? d.CriticalTagKeys,
        RegulatedTagKeys = s.RegulatedTagKeys ?? d.RegulatedTagKeys,
        PrivateApiRequiredTagKeys = s.PrivateApiRequiredTagKeys ?? d.PrivateApiRequiredTagKeys,
        EgressControlRequiredTagKeys = s.EgressControlRequiredTagKeys ?? d.EgressControlRequiredTagKeys,
        WorkloadTagKeys = s.WorkloadTagKeys ?? d.WorkloadTagKeys,
        SystemNamespaces = s.SystemNamespaces ?? d.SystemNamespaces,
        MinimumKubernetesVersion = s.MinimumKubernetesVersion ?? d.MinimumKubernetesVersion,
        CoverageThreshold = s.CoverageThreshold ?? d.CoverageThreshold,
        AutoscaledWorkloadThreshold = s.AutoscaledWorkloadThreshold ?? d.AutoscaledWorkloadThreshold,
        MaxNodePools = s.MaxNodePools ?? d.MaxNodePools,
        AllowedRegistries = s.AllowedRegistries ?? d.AllowedRegistries,
        LargeImageBytes = s.LargeImageBytes ?? d.LargeImageBytes,
        MaxClusterAdminBindings = s.MaxClusterAdminBindings ?? d.MaxClusterAdminBindings,
    };

    private sealed record Document
    {
        public SettingsDocument? Settings { get; init; }
        public Dictionary<string, ClusterContextOverride>? Clusters { get; init; }
    }

    private sealed record SettingsDocument
    {
        public List<string>? EnvironmentTagKeys { get; init; }
        public List<string>? ProductionValues { get; init; }
        public List<string>? NonProductionValues { get; init; }
        public List<string>? CriticalTagKeys { get; init; }
        public List<string>? RegulatedTagKeys { get; init; }
        public List<string>? PrivateApiRequiredTagKeys { get; init; }
        public List<string>? EgressControlRequiredTagKeys { get; init; }
        public List<string>? WorkloadTagKeys { get; init; }
        public List<string>? SystemNamespaces { get; init; }
        public string? MinimumKubernetesVersion { get; init; }
        public double? CoverageThreshold { get; init; }
        public double? AutoscaledWorkloadThreshold { get; init; }
        public int? MaxNodePools { get; init; }
        public List<string>? AllowedRegistries { get; init; }
        public long? LargeImageBytes { get; init; }
        public int? MaxClusterAdminBindings { get; init; }
    }
}
