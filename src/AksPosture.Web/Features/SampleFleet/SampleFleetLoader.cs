using System.Text.Json;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.SampleFleet;

/// <summary>The invented sample clusters and the display names of their subscriptions.</summary>
public sealed record SampleFleetData(IReadOnlyList<ClusterSnapshot> Clusters, IReadOnlyDictionary<string, string> SubscriptionNames);

/// <summary>
/// Reads the sample fleet embedded in the assembly (Features/SampleFleet/Data) through the engine's reader. Some
/// clusters also have Kubernetes objects in <c>kubernetes/NAME.k8s.json</c> (a kubectl List), where NAME is the
/// cluster's name, compared case-insensitively.
/// </summary>
public sealed class SampleFleetLoader
{
    private const string Prefix = "SampleFleet/";
    private const string SubscriptionsResource = Prefix + "subscriptions.json";
    private const string KubernetesPrefix = Prefix + "kubernetes/";
    private const string KubernetesSuffix = ".k8s.json";

    public SampleFleetData Load()
    {
        var assembly = typeof(SampleFleetLoader).Assembly;
        var names = JsonSerializer.Deserialize<List<SubscriptionName>>(ReadResource(SubscriptionsResource), JsonSerializerOptions.Web) ?? [];

        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && n != SubscriptionsResource)
            .Order(StringComparer.Ordinal)
            .ToList();

        var clusters = new List<ClusterSnapshot>();
        foreach (var resource in resources.Where(n => !IsKubernetes(n)))
        {
            var result = SnapshotReader.Read(ReadResource(resource), resource);
            if (result.Errors.Count > 0)
            {
                // The sample data ships with the portal; a file the engine cannot read is a bug to fix, not to hide.
                throw new InvalidOperationException($"Sample fleet file {resource} is not readable: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }

            clusters.AddRange(result.Snapshots);
        }

        AttachKubernetes(clusters, resources.Where(IsKubernetes));
        return new SampleFleetData(clusters, names.ToDictionary(n => n.SubscriptionId.ToLowerInvariant(), n => n.DisplayName));
    }

    private static bool IsKubernetes(string resource) => resource.StartsWith(KubernetesPrefix, StringComparison.Ordinal);

    /// <summary>Pairs each <c>kubernetes/NAME.k8s.json</c> with the one cluster named NAME.</summary>
    private static void AttachKubernetes(List<ClusterSnapshot> clusters, IEnumerable<string> resources)
    {
        var attached = new HashSet<int>();
        foreach (var resource in resources)
        {
            var fileName = resource[KubernetesPrefix.Length..];
            if (!fileName.EndsWith(KubernetesSuffix, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Sample fleet file {resource} must be named <cluster name>{KubernetesSuffix}.");
            }

            var clusterName = fileName[..^KubernetesSuffix.Length];
            var matches = Enumerable.Range(0, clusters.Count)
                .Where(i => clusters[i].Name.Equals(clusterName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (matches.Count != 1)
            {
                throw new InvalidOperationException($"Sample fleet file {resource} is for cluster '{clusterName}', which the sample fleet holds {matches.Count} times; it must hold it once.");
            }

            var index = matches[0];
            if (!attached.Add(index))
            {
                throw new InvalidOperationException($"Sample fleet file {resource} is the second Kubernetes file for cluster '{clusters[index].Name}'.");
            }

            var (inventory, error) = KubernetesReader.Read(ReadResource(resource), resource);
            if (error is not null)
            {
                throw new InvalidOperationException($"Sample fleet file {resource} is not readable: {error.Message}");
            }

            clusters[index] = clusters[index].WithKubernetes(inventory);
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(SampleFleetLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record SubscriptionName(string SubscriptionId, string DisplayName);
}
