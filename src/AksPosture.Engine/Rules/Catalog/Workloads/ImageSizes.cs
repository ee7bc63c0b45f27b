using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Image sizes as the nodes report them (<c>Node.status.images</c>), joined to the images user workloads run.</summary>
internal static class ImageSizes
{
    /// <summary>Workloads running images larger than the threshold; null when no Node objects were collected.</summary>
    public static IReadOnlyList<ObjectFinding>? Oversized(Probe probe, KubernetesInventory inventory)
    {
        var nodes = inventory.OfKind("Node");
        if (nodes.Count == 0)
        {
            probe.Note("kubernetes.nodes", null);
            return null;
        }

        // Nodes list every image they hold; only the sizes of images user workloads run are needed.
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in probe.UserWorkloads(inventory))
        {
            foreach (var container in workload.Containers())
            {
                if (Json.Text(container["image"]) is { } image)
                {
                    wanted.Add(ImageReference.Normalise(image));
                }
            }
        }

        var sizes = NodeImageSizes(nodes, wanted);
        var limit = probe.Settings.LargeImageBytes;
        var findings = new List<ObjectFinding>();
        int known = 0, used = 0;
        foreach (var workload in probe.UserWorkloads(inventory))
        {
            List<(string Container, string Image, long Size)>? large = null;
            foreach (var container in workload.Containers())
            {
                if (Json.Text(container["image"]) is not { } image)
                {
                    continue;
                }

                used++;
                if (sizes.TryGetValue(ImageReference.Normalise(image), out var size))
                {
                    known++;
                    if (size > limit)
                    {
                        (large ??= []).Add((workload.ContainerName(container), image, size));
                    }
                }
            }

            if (large is not null)
            {
                findings.Add(ObjectFinding.For(workload.Object, RuleStatus.Warn,
                    string.Join("; ", large.Select(l => $"Container '{l.Container}' runs {l.Image} ({Gib(l.Size)})")) + $", over the {Gib(limit)} threshold; every new node pulls it before the pod can start.",
                    large.Select(l => new Evidence($"{workload.Object.Key}: containers[{l.Container}].image size", l.Size.ToString(CultureInfo.InvariantCulture))).ToArray()));
            }
        }

        // Kubelet reports a limited number of images per node, so some sizes may be unknown.
        probe.Note("kubernetes.nodes.images", $"sizes known for {known} of {used} user container images; {findings.Count} workload(s) over {Gib(limit)}");
        return findings;
    }

    /// <summary>The largest size a node reports for each wanted image (by its normalised reference).</summary>
    private static Dictionary<string, long> NodeImageSizes(IReadOnlyList<KubernetesObject> nodes, HashSet<string> wanted)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[512];
        foreach (var node in nodes)
        {
            if (Json.At(node.Json, "status.images") is not JsonArray images)
            {
                continue;
            }

            foreach (var image in images)
            {
                if (image is not JsonObject entry || entry["names"] is not JsonArray names)
                {
                    continue;
                }

                for (var i = 0; i < names.Count; i++)
                {
                    if (Wanted(names[i], lookup, buffer) is not { } key || entry["sizeBytes"] is not JsonValue value || !value.TryGetValue<long>(out var size))
                    {
                        continue;
                    }

                    sizes[key] = Math.Max(size, sizes.GetValueOrDefault(key));
                }
            }
        }

        return sizes;
    }

    /// <summary>
    /// The wanted image a node's image name stands for, or null. Nodes hold hundreds of names per cluster, most of
    /// images no user workload runs, so a name already in normalised form is looked up as written rather than read
    /// into a string first.
    /// </summary>
    private static string? Wanted(JsonNode? name, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> wanted, Span<char> buffer)
    {
        if (JsonStrings.TryCopyString(name, buffer, out var length) && ImageReference.IsNormalised(buffer[..length]))
        {
            return wanted.TryGetValue(buffer[..length], out var match) ? match : null;
        }

        return Json.Text(name) is { } text && wanted.Set.TryGetValue(ImageReference.Normalise(text), out var key) ? key : null;
    }

    public static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB";
}
