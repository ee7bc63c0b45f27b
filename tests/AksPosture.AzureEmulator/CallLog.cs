using System.Collections.Concurrent;
using System.Diagnostics;

namespace AksPosture.AzureEmulator;

/// <summary>Every request the emulator answered: its kind, path, arrival time and status.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<Call> _calls = new();

    public IReadOnlyList<Call> Calls => [.. _calls];

    public int Count(string kind) => _calls.Count(c => c.Kind == kind);

    public IReadOnlyDictionary<string, int> ByKind() =>
        _calls.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The most Resource Graph queries that arrived within any window of the given length.</summary>
    public int MaxResourceGraphRequestsIn(TimeSpan window)
    {
        var arrivals = _calls.Where(c => c.Kind == CallKind.ResourceGraph).Select(c => c.ArrivedAt).Order().ToList();
        var best = 0;
        for (int start = 0, end = 0; end < arrivals.Count; end++)
        {
            while (arrivals[end] - arrivals[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    internal void Add(Call call) => _calls.Enqueue(call);

    internal static TimeSpan Now => Stopwatch.GetElapsedTime(0);
}

/// <summary>One request: arrival is measured on a monotonic clock.</summary>
public sealed record Call(string Kind, string Method, string Path, TimeSpan ArrivedAt)
{
    public int Status { get; set; }
}

/// <summary>Kinds of calls, as the emulator counts them; ARM data-set kinds match the engine's data-set names.</summary>
public static class CallKind
{
    public const string ResourceGraph = "resourceGraph";
    public const string Cluster = "cluster";
    public const string AgentPools = "agentPools";
    public const string DiagnosticSettings = "diagnosticSettings";
    public const string DiagnosticCategories = "diagnosticCategories";
    public const string Metrics = "metrics";
    public const string MaintenanceConfigurations = "maintenanceConfigurations";
    public const string DefenderPricing = "defenderPricing";
    public const string ListClusterUserCredential = "listClusterUserCredential";
    public const string Kubernetes = "kubernetes";
    public const string Unknown = "unknown";
}
