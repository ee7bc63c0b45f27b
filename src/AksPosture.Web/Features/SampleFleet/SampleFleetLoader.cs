using System.Text.Json;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.SampleFleet;

/// <summary>The invented sample clusters and the display names of their subscriptions.</summary>
public sealed record SampleFleetData(IReadOnlyList<ClusterSnapshot> Clusters, IReadOnlyDictionary<string, string> SubscriptionNames);

/// <summary>Reads the sample fleet embedded in the assembly (Features/SampleFleet/Data) through the engine's reader.</summary>
public sealed class SampleFleetLoader
{
    private const string Prefix = "SampleFleet/";
    private const string SubscriptionsResource = Prefix + "subscriptions.json";

    public SampleFleetData Load()
    {
        var assembly = typeof(SampleFleetLoader).Assembly;
        var names = JsonSerializer.Deserialize<List<SubscriptionName>>(ReadResource(SubscriptionsResource), JsonSerializerOptions.Web) ?? [];

        var clusters = new List<ClusterSnapshot>();
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && n != SubscriptionsResource)
            .Order(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var result = SnapshotReader.Read(ReadResource(resource), resource);
            if (result.Errors.Count > 0)
            {
                // The sample data ships with the portal; a file the engine cannot read is a bug to fix, not to hide.
                throw new InvalidOperationException($"Sample fleet file {resource} is not readable: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            }

            clusters.AddRange(result.Snapshots);
        }

        return new SampleFleetData(clusters, names.ToDictionary(n => n.SubscriptionId.ToLowerInvariant(), n => n.DisplayName));
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
