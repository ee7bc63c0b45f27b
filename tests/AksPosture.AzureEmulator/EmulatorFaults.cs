using System.Collections.Concurrent;

namespace AksPosture.AzureEmulator;

/// <summary>Faults switched on by a test: refused data sets, refused clusters, hidden subscriptions, and scripted answers for the next calls of a kind.</summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentDictionary<string, byte> _forbidden = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _forbiddenClusters = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripted = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _hiddenSubscriptions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answer every call of this kind (see <see cref="CallKind"/>) with 403 AuthorizationFailed.</summary>
    public void Forbid(string kind) => _forbidden[kind] = 0;

    /// <summary>The cluster's API server answers 403 to every list.</summary>
    public void ForbidKubernetes(string clusterName) => _forbiddenClusters[clusterName] = 0;

    /// <summary>Resource Graph no longer shows the subscription or anything in it, as when the caller lost access to it.</summary>
    public void HideSubscription(string subscriptionId) => _hiddenSubscriptions[subscriptionId] = 0;

    /// <summary>The next <paramref name="times"/> calls of this kind get <paramref name="status"/> (429 comes with Retry-After).</summary>
    public void FailNext(string kind, int status, int times = 1)
    {
        var queue = _scripted.GetOrAdd(kind, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(status);
        }
    }

    internal bool IsForbidden(string kind) => _forbidden.ContainsKey(kind);

    internal bool IsHidden(string subscriptionId) => _hiddenSubscriptions.ContainsKey(subscriptionId);

    internal bool IsKubernetesForbidden(string clusterName) => _forbiddenClusters.ContainsKey(clusterName);

    internal bool TryTakeScripted(string kind, out int status)
    {
        status = 0;
        return _scripted.TryGetValue(kind, out var queue) && queue.TryDequeue(out status);
    }
}
