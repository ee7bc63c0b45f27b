using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// Data about a cluster that lives outside its own ARM resource (diagnostic settings, metrics, Advisor, Policy,
/// Defender, backup, extensions …), as named data sets. A set is either collected, failed (with the reason and
/// the permission that was missing) or absent; rules turn the last two into ERROR and NA, never PASS or FAIL.
/// </summary>
public sealed class AzureData
{
    private readonly Dictionary<string, JsonNode?> _sets;
    private readonly Dictionary<string, CollectionProblem> _problems;

    public AzureData(IEnumerable<KeyValuePair<string, JsonNode?>> sets, IEnumerable<CollectionProblem> problems)
    {
        _sets = new Dictionary<string, JsonNode?>(sets, StringComparer.OrdinalIgnoreCase);
        _problems = problems.GroupBy(p => p.DataSet, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public static AzureData Empty { get; } = new([], []);

    public IReadOnlyCollection<string> Names => _sets.Keys;

    public IReadOnlyCollection<CollectionProblem> Problems => _problems.Values;

    public bool TryGet(string name, out JsonNode? data) => _sets.TryGetValue(name, out data);

    public CollectionProblem? ProblemWith(string name) => _problems.GetValueOrDefault(name);
}

/// <summary>Why a data set could not be collected, and the permission that would fix it when that is the cause.</summary>
public sealed record CollectionProblem(string DataSet, string Message, string? MissingPermission = null);

/// <summary>Names of the data sets the collectors fill and the rules read.</summary>
public static class AzureDataSets
{
    public const string DiagnosticSettings = "diagnosticSettings";

    /// <summary>The log and metric categories of managed clusters and the category groups each belongs to (read once per run).</summary>
    public const string DiagnosticCategories = "diagnosticCategories";
    public const string Metrics = "metrics";
    public const string AdvisorRecommendations = "advisorRecommendations";
    public const string PolicyAssignments = "policyAssignments";
    public const string PolicyStates = "policyStates";
    public const string DefenderPlan = "defenderPlan";
    public const string BackupInstances = "backupInstances";
    public const string Extensions = "extensions";
    public const string FluxConfigurations = "fluxConfigurations";
    public const string MaintenanceConfigurations = "maintenanceConfigurations";
    public const string SupportedVersions = "supportedVersions";
    public const string AlertRules = "alertRules";
    public const string ChaosTargets = "chaosTargets";
}
