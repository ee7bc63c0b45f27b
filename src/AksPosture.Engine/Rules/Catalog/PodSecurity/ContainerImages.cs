using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>Where container images come from (AKS-SEC-05, AKS-SEC-09).</summary>
internal static class ContainerImages
{
    public const string DockerHub = "docker.io";
    public const string AcrSuffix = ".azurecr.io";

    private static readonly string[] DockerHubAliases = ["index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"];

    /// <summary>Each container with the image it runs; containers without an image are skipped.</summary>
    public static IReadOnlyList<(JsonObject Container, string Image)> Images(Workload workload)
    {
        var images = new List<(JsonObject, string)>(workload.Containers().Count);
        foreach (var container in workload.Containers())
        {
            var image = workload.ContainerText(container, "image");
            if (!string.IsNullOrWhiteSpace(image))
            {
                images.Add((container, image.Trim()));
            }
        }

        return images;
    }

    /// <summary>
    /// The registry host of an image reference, as the container runtime resolves it: a first path segment with a dot,
    /// a port or <c>localhost</c> is a host; anything else (<c>nginx</c>, <c>library/nginx</c>) comes from Docker Hub.
    /// </summary>
    public static string RegistryHost(string image)
    {
        var slash = image.IndexOf('/');
        if (slash < 0)
        {
            return DockerHub;
        }

        var first = image[..slash];
        var host = first.Contains('.') || first.Contains(':') || first.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? first.ToLowerInvariant()
            : DockerHub;
        return DockerHubAliases.Contains(host, StringComparer.Ordinal) ? DockerHub : host;
    }

    /// <summary>Host patterns are exact hosts or <c>*.suffix</c> wildcards, compared without case.</summary>
    public static bool MatchesAny(string host, IReadOnlyList<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (Matches(host, pattern))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Matches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    public static bool IsAcr(string host) => host.EndsWith(AcrSuffix, StringComparison.OrdinalIgnoreCase);
}
