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
        var wanted = probe.UserWorkloads(inventory)
            .SelectMany(w => w.Containers())
            .Select(c => Json.Text(c["image"]))
            .OfType<string>()
            .Select(ImageReference.Normalise)
            .ToHashSet(StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var image in nodes.SelectMany(n => Json.Objects(Json.At(n.Json, "status.images"))))
        {
            foreach (var name in image["names"] as JsonArray ?? [])
            {
                if (Json.Text(name) is not { } text || !wanted.Contains(ImageReference.Normalise(text)) ||
                    image["sizeBytes"] is not JsonValue value || !value.TryGetValue<long>(out var size))
                {
                    continue;
                }

                var key = ImageReference.Normalise(text);
                sizes[key] = Math.Max(size, sizes.GetValueOrDefault(key));
            }
        }

        var limit = probe.Settings.LargeImageBytes;
        var findings = new List<ObjectFinding>();
        int known = 0, used = 0;
        foreach (var workload in probe.UserWorkloads(inventory))
        {
            var large = new List<(string Container, string Image, long Size)>();
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
                        large.Add((KubernetesFacts.ContainerName(container), image, size));
                    }
                }
            }

            if (large.Count > 0)
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

    public static string Gib(long bytes) => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB";
}
