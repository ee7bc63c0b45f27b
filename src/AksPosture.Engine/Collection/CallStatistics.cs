using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksPosture.Engine.Collection;

/// <summary>Calls made (every attempt, retries included) by kind, and the answers that were throttling or faults.</summary>
public sealed class CallStatistics
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentQueue<DateTimeOffset> _resourceGraphSends = new();

    /// <summary>Attempts by kind: <c>resourceGraph</c>, <c>diagnosticSettings</c>, <c>diagnosticCategories</c>, <c>metrics</c>, <c>kubernetes</c> …</summary>
    public IReadOnlyDictionary<string, int> Calls => _calls;

    /// <summary>Responses by HTTP status, for statuses other than 2xx.</summary>
    public IReadOnlyDictionary<int, int> FailedStatuses => _statuses;

    public int Total => _calls.Values.Sum();

    /// <summary>The most Resource Graph requests this client sent within any window of the given length.</summary>
    public int MaxResourceGraphRequestsIn(TimeSpan window)
    {
        var sends = _resourceGraphSends.Order().ToList();
        var best = 0;
        for (int start = 0, end = 0; end < sends.Count; end++)
        {
            while (sends[end] - sends[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    public void Count(string kind) => _calls.AddOrUpdate(kind, 1, (_, n) => n + 1);

    internal void Record(string kind, DateTimeOffset sentAt, int status)
    {
        Count(kind);
        if (kind == CallKinds.ResourceGraph)
        {
            _resourceGraphSends.Enqueue(sentAt);
        }

        if (status is < 200 or > 299)
        {
            _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    }
}

/// <summary>How calls are grouped in <see cref="CallStatistics"/>, told from the request path.</summary>
public static class CallKinds
{
    public const string ResourceGraph = "resourceGraph";
    public const string Kubernetes = "kubernetes";

    public static string Of(Uri uri)
    {
        var path = uri.AbsolutePath;
        return path.EndsWith("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase) ? ResourceGraph
            : path.EndsWith("/providers/Microsoft.Insights/diagnosticSettingsCategories", StringComparison.OrdinalIgnoreCase) ? "diagnosticCategories"
            : path.Contains("/diagnosticSettings", StringComparison.OrdinalIgnoreCase) ? "diagnosticSettings"
            : path.EndsWith("/providers/Microsoft.Insights/metrics", StringComparison.OrdinalIgnoreCase) ? "metrics"
            : path.Contains("/maintenanceConfigurations", StringComparison.OrdinalIgnoreCase) ? "maintenanceConfigurations"
            : path.Contains("/Microsoft.Security/pricings", StringComparison.OrdinalIgnoreCase) ? "defenderPricing"
            : path.EndsWith("/listClusterUserCredential", StringComparison.OrdinalIgnoreCase) ? "listClusterUserCredential"
            : path.Contains("/agentPools", StringComparison.OrdinalIgnoreCase) ? "agentPools"
            : "arm";
    }
}

/// <summary>Counts every attempt the pipeline makes (it sits inside the retry loop).</summary>
internal sealed class CallCountingPolicy(CallStatistics statistics, TimeProvider time) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var sentAt = time.GetUtcNow();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            statistics.Record(CallKinds.Of(message.Request.Uri.ToUri()), sentAt, message.HasResponse ? message.Response.Status : 0);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
