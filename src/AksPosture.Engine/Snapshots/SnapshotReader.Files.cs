namespace AksPosture.Engine.Snapshots;

/// <summary>Reading snapshots from files and folders, and pairing clusters with their Kubernetes objects.</summary>
public static partial class SnapshotReader
{
    public static SnapshotReadResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new([], [new SnapshotError(path, $"cannot read the file: {ex.Message}")]);
        }

        return Read(text, path);
    }

    /// <summary>Reads every file given; folders contribute their <c>*.json</c> files. One bad file never stops the others.</summary>
    public static SnapshotReadResult ReadPaths(IEnumerable<string> paths)
    {
        var snapshots = new List<ClusterSnapshot>();
        var errors = new List<SnapshotError>();
        foreach (var file in ExpandPaths(paths, errors).Where(f => !IsKubernetesFile(f)))
        {
            var result = ReadFile(file);
            errors.AddRange(result.Errors);
            var companion = KubernetesCompanion(file);
            if (companion is null || result.Snapshots.Count == 0)
            {
                snapshots.AddRange(result.Snapshots);
                continue;
            }

            var paired = PairWithKubernetes(result.Snapshots, companion);
            snapshots.AddRange(paired.Snapshots);
            errors.AddRange(paired.Errors);
        }

        return new(snapshots, errors);
    }

    /// <summary>Attaches the Kubernetes objects in <paramref name="kubernetesFile"/> to the one cluster read beside them.</summary>
    public static SnapshotReadResult PairWithKubernetes(IReadOnlyList<ClusterSnapshot> snapshots, string kubernetesFile)
    {
        if (snapshots.Count != 1)
        {
            return new(snapshots, [new SnapshotError(kubernetesFile, $"Kubernetes objects pair with exactly one cluster, but {snapshots.Count} were read; put each cluster in its own NAME.json beside NAME.k8s.json")]);
        }

        var (inventory, error) = KubernetesReader.ReadFile(kubernetesFile);
        return error is null
            ? new([snapshots[0].WithKubernetes(inventory)], [])
            : new(snapshots, [error]);
    }

    /// <summary><c>NAME.k8s.json</c> holds the Kubernetes objects of the cluster in <c>NAME.json</c>.</summary>
    public static bool IsKubernetesFile(string path) => path.EndsWith(".k8s.json", StringComparison.OrdinalIgnoreCase);

    private static string? KubernetesCompanion(string clusterFile)
    {
        var companion = Path.ChangeExtension(clusterFile, null) + ".k8s.json";
        return File.Exists(companion) ? companion : null;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths, List<SnapshotError> errors)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                errors.Add(new SnapshotError(path, "no such file or folder"));
            }
        }
    }
}
