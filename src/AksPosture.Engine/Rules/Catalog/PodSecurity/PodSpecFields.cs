using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// Reads of pod-spec fields for the pod security rules. Paths are relative to the pod spec and name the object,
/// so a value of the wrong kind becomes an ERROR saying where it is (<c>shop/Deployment/web: hostPID</c>). A path is
/// spelt out only for that error or for evidence: these reads run for every container of every workload.
/// </summary>
internal static class PodSpecFields
{
    public static bool? PodBool(this Workload workload, string path) =>
        Probe.TryBool(Probe.Navigate(workload.PodSpec, path), out var value) ? value : throw new UnreadableValueException(PodPath(workload, path), Probe.ExpectedBool);

    public static string? PodText(this Workload workload, string path) =>
        Probe.TryText(Probe.Navigate(workload.PodSpec, path), out var value) ? value : throw new UnreadableValueException(PodPath(workload, path), Probe.ExpectedText);

    public static int? PodInt(this Workload workload, string path) =>
        Probe.TryInt(Probe.Navigate(workload.PodSpec, path), out var value) ? value : throw new UnreadableValueException(PodPath(workload, path), Probe.ExpectedInt);

    public static bool? ContainerBool(this Workload workload, JsonObject container, string path) =>
        Probe.TryBool(Probe.Navigate(container, path), out var value) ? value : throw new UnreadableValueException(ContainerPath(workload, container, path), Probe.ExpectedBool);

    public static string? ContainerText(this Workload workload, JsonObject container, string path) =>
        Probe.TryText(Probe.Navigate(container, path), out var value) ? value : throw new UnreadableValueException(ContainerPath(workload, container, path), Probe.ExpectedText);

    public static int? ContainerInt(this Workload workload, JsonObject container, string path) =>
        Probe.TryInt(Probe.Navigate(container, path), out var value) ? value : throw new UnreadableValueException(ContainerPath(workload, container, path), Probe.ExpectedInt);

    public static IReadOnlyList<string> ContainerTextList(this Workload workload, JsonObject container, string path) =>
        Probe.Navigate(container, path) is { } node ? Probe.AsTextList(ContainerPath(workload, container, path), node) : [];

    /// <summary>Evidence of a pod-level field: <c>shop/Deployment/web: securityContext.runAsNonRoot</c>.</summary>
    public static Evidence PodEvidence(this Workload workload, string path) =>
        new(PodPath(workload, path), Probe.Navigate(workload.PodSpec, path)?.ToJsonString());

    /// <summary>The entries of an array in the pod spec (<c>volumes</c>, <c>imagePullSecrets</c>); anything else reads as empty.</summary>
    public static IEnumerable<JsonObject> PodObjects(this Workload workload, string path) =>
        Json.Objects(Probe.Navigate(workload.PodSpec, path));

    /// <summary>
    /// A container's AppArmor annotation on the pod template (or on the pod itself): profiles were set this way
    /// before Kubernetes 1.30 and still are on many clusters.
    /// </summary>
    public static string? AppArmorAnnotation(this Workload workload, string containerName)
    {
        var json = workload.Object.Json;
        var metadata = workload.Object.Kind switch
        {
            "Pod" => json["metadata"],
            "CronJob" => json["spec"]?["jobTemplate"]?["spec"]?["template"]?["metadata"],
            _ => json["spec"]?["template"]?["metadata"],
        };
        return metadata?["annotations"] is JsonObject { Count: > 0 } annotations
            ? Json.Text(annotations[PodSecurityStandards.AppArmorAnnotationPrefix + containerName])
            : null;
    }

    /// <summary>The service account the pods run as; an absent name means the namespace's <c>default</c> account.</summary>
    public static string ServiceAccountName(this Workload workload) =>
        workload.PodText("serviceAccountName") ?? workload.PodText("serviceAccount") ?? "default";

    public static KubernetesObject? ServiceAccount(this Workload workload, KubernetesInventory inventory)
    {
        var name = workload.ServiceAccountName();
        return inventory.OfKind("ServiceAccount").FirstOrDefault(sa =>
            sa.Namespace.Equals(workload.Object.Namespace, StringComparison.Ordinal) && sa.Name.Equals(name, StringComparison.Ordinal));
    }

    private static string PodPath(Workload workload, string path) => $"{workload.Object.Key}: {path}";

    private static string ContainerPath(Workload workload, JsonObject container, string path) =>
        $"{workload.Object.Key}: containers[{workload.ContainerName(container)}].{path}";
}
