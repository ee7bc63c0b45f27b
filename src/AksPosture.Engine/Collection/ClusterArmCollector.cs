using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using Azure;

namespace AksPosture.Engine.Collection;

/// <summary>
/// The per-cluster ARM reads that no Resource Graph table holds: diagnostic settings, platform metrics, maintenance
/// configurations; the Defender for Containers plan, read once per subscription; and the diagnostic categories of the
/// resource type, read once per run. Each data set is stored as the
/// raw response of the call (rule catalog spec §3), or becomes a <see cref="CollectionProblem"/>.
/// </summary>
public sealed class ClusterArmCollector(AzureRestClient client, TimeProvider? time = null)
{
    public const string ManagedClustersApiVersion = "2025-08-01";
    public const string DiagnosticSettingsApiVersion = "2021-05-01-preview";
    public const string MetricsApiVersion = "2024-02-01";
    public const string PricingsApiVersion = "2024-01-01";

    /// <summary>The metrics the utilisation and autoscaler rules read, in one call (at most 20 names).</summary>
    public static readonly string[] MetricNames =
    [
        "node_cpu_usage_percentage", "node_memory_working_set_percentage",
        "cluster_autoscaler_unschedulable_pods_count", "cluster_autoscaler_unneeded_nodes_count",
    ];

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Lazy<Task<(JsonNode? Data, CollectionProblem? Problem)>>> _pricings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _categoriesLock = new();
    private Lazy<Task<(JsonNode? Data, CollectionProblem? Problem)>>? _categories;

    /// <summary>How far back the metrics reach: a week, so weekly peaks count.</summary>
    public TimeSpan MetricsWindow { get; init; } = TimeSpan.FromDays(7);

    public async Task<(List<KeyValuePair<string, JsonNode?>> Sets, List<CollectionProblem> Problems)> CollectAsync(ClusterSnapshot cluster, CancellationToken cancellationToken)
    {
        var sets = new List<KeyValuePair<string, JsonNode?>>();
        var problems = new List<CollectionProblem>();
        var id = cluster.Id.TrimStart('/');

        void Keep(string dataSet, (JsonNode? Data, CollectionProblem? Problem) result)
        {
            if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                sets.Add(KeyValuePair.Create(dataSet, result.Data));
            }
        }

        Keep(AzureDataSets.DiagnosticSettings, await ReadAsync(AzureDataSets.DiagnosticSettings, "Microsoft.Insights/diagnosticSettings/read",
            () => client.GetListAsync($"{id}/providers/Microsoft.Insights/diagnosticSettings?api-version={DiagnosticSettingsApiVersion}", cancellationToken), r => r.Body, cancellationToken).ConfigureAwait(false));

        Keep(AzureDataSets.DiagnosticCategories, await DiagnosticCategoriesAsync(id, cancellationToken).ConfigureAwait(false));

        // A stopped cluster has no live metrics; the rules say NA for it without them.
        if (!IsStopped(cluster))
        {
            Keep(AzureDataSets.Metrics, await ReadAsync(AzureDataSets.Metrics, "Microsoft.Insights/metrics/read",
                () => client.GetAsync($"{id}/providers/Microsoft.Insights/metrics?{MetricsQuery()}", cancellationToken), r => r.Body, cancellationToken).ConfigureAwait(false));
        }

        Keep(AzureDataSets.MaintenanceConfigurations, await ReadAsync(AzureDataSets.MaintenanceConfigurations, "Microsoft.ContainerService/managedClusters/maintenanceConfigurations/read",
            () => client.GetListAsync($"{id}/maintenanceConfigurations?api-version={ManagedClustersApiVersion}", cancellationToken), r => r.Body?["value"]?.DeepClone(), cancellationToken).ConfigureAwait(false));

        if (cluster.SubscriptionId.Length > 0)
        {
            Keep(AzureDataSets.DefenderPlan, await DefenderPlanAsync(cluster.SubscriptionId, cancellationToken).ConfigureAwait(false));
        }

        return (sets, problems);
    }

    /// <summary>The subscription's Defender for Containers pricing, one call per subscription however many clusters ask.</summary>
    public Task<(JsonNode? Data, CollectionProblem? Problem)> DefenderPlanAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _pricings.GetOrAdd(subscriptionId, s => new Lazy<Task<(JsonNode?, CollectionProblem?)>>(() => ReadAsync(AzureDataSets.DefenderPlan, "Microsoft.Security/pricings/read",
            () => client.GetAsync($"subscriptions/{s}/providers/Microsoft.Security/pricings/Containers?api-version={PricingsApiVersion}", cancellationToken), r => r.Body, cancellationToken))).Value;

    /// <summary>
    /// The diagnostic categories of managed clusters and their category groups. They belong to the resource type, not
    /// to one cluster, so the first read that succeeds serves the whole run; concurrent clusters share the read in
    /// flight. A failed read is not kept: the clusters that shared it record the problem and the next cluster tries again.
    /// </summary>
    public async Task<(JsonNode? Data, CollectionProblem? Problem)> DiagnosticCategoriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        Lazy<Task<(JsonNode? Data, CollectionProblem? Problem)>> read;
        lock (_categoriesLock)
        {
            read = _categories ??= new Lazy<Task<(JsonNode? Data, CollectionProblem? Problem)>>(() => ReadAsync(AzureDataSets.DiagnosticCategories, "Microsoft.Insights/diagnosticSettingsCategories/read",
                () => client.GetListAsync($"{clusterId.TrimStart('/')}/providers/Microsoft.Insights/diagnosticSettingsCategories?api-version={DiagnosticSettingsApiVersion}", cancellationToken), r => r.Body, cancellationToken));
        }

        var result = await read.Value.ConfigureAwait(false);
        if (result.Problem is not null)
        {
            lock (_categoriesLock)
            {
                if (ReferenceEquals(_categories, read))
                {
                    _categories = null;
                }
            }
        }

        return result;
    }

    private string MetricsQuery()
    {
        var end = _time.GetUtcNow().UtcDateTime;
        end = new DateTime(end.Year, end.Month, end.Day, end.Hour, 0, 0, DateTimeKind.Utc);
        var start = end - MetricsWindow;
        var timespan = $"{start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}/{end.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}";
        return $"api-version={MetricsApiVersion}&metricnamespace={Uri.EscapeDataString("Microsoft.ContainerService/managedClusters")}"
            + $"&metricnames={Uri.EscapeDataString(string.Join(',', MetricNames))}&timespan={Uri.EscapeDataString(timespan)}"
            + $"&interval=PT1H&aggregation=Average,Maximum&{Uri.EscapeDataString("$filter")}={Uri.EscapeDataString("nodepool eq '*'")}"
            + "&top=50&AutoAdjustTimegrain=true&ValidateDimensions=false";
    }

    /// <summary>One call, its failures turned into a problem: error answers, and transport failures after the retries.</summary>
    internal static async Task<(JsonNode? Data, CollectionProblem? Problem)> ReadAsync(string dataSet, string action, Func<Task<ArmResult>> call, Func<ArmResult, JsonNode?> select, CancellationToken cancellationToken)
    {
        try
        {
            var result = await call().ConfigureAwait(false);
            return result.IsSuccess ? (select(result), null) : (null, result.ToProblem(dataSet, action));
        }
        catch (RequestFailedException ex)
        {
            return (null, new CollectionProblem(dataSet, $"the call failed after retries: {ex.Message}"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new CollectionProblem(dataSet, "the call timed out after retries"));
        }
    }

    internal static bool IsStopped(ClusterSnapshot cluster) =>
        string.Equals(ClusterSnapshot.TextOf(cluster.Resource["properties"]?["powerState"]?["code"]), "Stopped", StringComparison.OrdinalIgnoreCase);
}
