namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Image references in the one spelling the container runtime reports on the node:
/// <c>nginx:1.27</c> and <c>docker.io/library/nginx:1.27</c> are the same image.
/// </summary>
internal static class ImageReference
{
    public static string Normalise(string image)
    {
        if (IsNormalised(image))
        {
            return image;
        }

        var reference = image.Trim();
        var at = reference.IndexOf('@');
        var (name, digest) = at < 0 ? (reference, "") : (reference[..at], reference[at..]);
        var slash = name.IndexOf('/');
        var first = slash < 0 ? "" : name[..slash];
        var hasRegistry = first.Contains('.') || first.Contains(':') || first == "localhost";
        if (!hasRegistry)
        {
            name = "docker.io/" + (slash < 0 ? "library/" + name : name);
        }

        var lastSegment = name[(name.LastIndexOf('/') + 1)..];
        if (digest.Length == 0 && !lastSegment.Contains(':'))
        {
            name += ":latest";
        }

        var registryEnd = name.IndexOf('/');
        return name[..registryEnd].ToLowerInvariant() + name[registryEnd..] + digest;
    }

    /// <summary>
    /// Whether the reference is already in the normalised spelling. Nodes report names in this form; recognising
    /// it saves the substrings for hundreds of images per cluster.
    /// </summary>
    public static bool IsNormalised(ReadOnlySpan<char> image)
    {
        var slash = image.IndexOf('/');
        if (slash <= 0 || image.Length != image.Trim().Length)
        {
            return false;
        }

        var registry = image[..slash];
        var isRegistry = registry.Contains('.') || registry.Contains(':') || registry.SequenceEqual("localhost");
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        return isRegistry && !registry.ContainsAnyInRange('A', 'Z') && (image.Contains('@') || lastSegment.Contains(':'));
    }
}
