using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>How traffic from outside reaches the cluster: LoadBalancer Services and Ingresses (AKS-SEC-04, AKS-POL-12).</summary>
internal static class EntryPoints
{
    public const string InternalAnnotation = "service.beta.kubernetes.io/azure-load-balancer-internal";

    // The Azure cloud provider turns these into NSG rules on the service's public IP.
    private static readonly string[] SourceAnnotations =
        ["service.beta.kubernetes.io/azure-allowed-service-tags", "service.beta.kubernetes.io/azure-allowed-ip-ranges"];

    private static readonly string[] OpenSources = ["0.0.0.0/0", "::/0", "Internet", "*"];

    /// <summary>Services of type LoadBalancer in user namespaces that get a public IP (no internal annotation).</summary>
    public static IReadOnlyList<KubernetesObject> PublicLoadBalancers(Probe probe, KubernetesInventory inventory) =>
        probe.UserObjects(inventory, "Service")
            .Where(s => string.Equals(Text(s, "spec.type"), "LoadBalancer", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(s.Annotation(InternalAnnotation), "true", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>
    /// Where a public LoadBalancer accepts traffic from: <c>spec.loadBalancerSourceRanges</c> and the Azure source
    /// annotations. Empty means every address on the internet.
    /// </summary>
    public static IReadOnlyList<string> AllowedSources(KubernetesObject service)
    {
        var ranges = Probe.AsTextList($"{service.Key}: spec.loadBalancerSourceRanges", Probe.Navigate(service.Json, "spec.loadBalancerSourceRanges"));
        var annotated = SourceAnnotations.Select(service.Annotation).OfType<string>()
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var sources = ranges.Concat(annotated).Where(s => s.Length > 0).ToList();
        return sources.Any(s => OpenSources.Contains(s, StringComparer.OrdinalIgnoreCase)) ? [] : sources;
    }

    /// <summary><c>spec.ingressClassName</c>, or the older <c>kubernetes.io/ingress.class</c> annotation.</summary>
    public static string? IngressClass(KubernetesObject ingress) =>
        Text(ingress, "spec.ingressClassName") ?? ingress.Annotation("kubernetes.io/ingress.class");

    public static string? Text(KubernetesObject item, string path) =>
        Probe.AsText($"{item.Key}: {path}", Probe.Navigate(item.Json, path));

    public static Evidence FieldEvidence(KubernetesObject item, string path) =>
        new($"{item.Key}: {path}", Probe.Navigate(item.Json, path)?.ToJsonString());

    public static bool HasItems(KubernetesObject item, string path) => Probe.Navigate(item.Json, path) is JsonArray { Count: > 0 };
}
