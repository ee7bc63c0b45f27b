using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// Reads of pod-spec fields for the pod security rules. Paths are relative to the pod spec and name the object,
/// so a value of the wrong kind becomes an ERROR saying where it is (<c>shop/Deployment/web: hostPID</c>).
/// </summary>
internal static class PodSpecFields
{
    public static bool? PodBool(this Workload workload, string path) =>
        Probe.AsBool(PodPath(workload, path), Probe.Navigate(workload.PodSpec, path));

    public static string? PodText(this Workload workload, string path) =>
        Probe.AsText(PodPath(workload, path), Probe.Navigate(workload.PodSpec, path));

    public static int? PodInt(this Workload workload, string path) =>
        Probe.AsInt(PodPath(workload, path), Probe.Navigate(workload.PodSpec, path));

    public static bool? ContainerBool(this Workload workload, JsonObject container, string path) =>
        Probe.AsBool(ContainerPath(workload, container, path), Probe.Navigate(container, path));

    public static string? ContainerText(this Workload workload, JsonObject container, string path) =>
        Probe.AsText(ContainerPath(workload, container, path), Probe.Navigate(container, path));

    public static int? ContainerInt(this Workload workload, JsonObject container, string path) =>
        Probe.AsInt(ContainerPath(workload, container, path), Probe.Navigate(container, path));

    public static IReadOnlyList<string> ContainerTextList(this Workload workload, JsonObject container, string path) =>
        Probe.AsTextList(ContainerPath(workload, container, path), Probe.Navigate(container, path));

    /// <summary>Evidence of a pod-level field: <c>shop/Deployment/web: securityContext.runAsNonRoot</c>.</summary>
    public static Evidence PodEvidence(this Workload workload, string path) =>
        new(PodPath(workload, path), Probe.Navigate(workload.PodSpec, path)?.ToJsonString());

    /// <summary>The entries of an array in the pod spec (<c>volumes</c>, <c>imagePullSecrets</c>); anything else reads as empty.</summary>
    public static IEnumerable<JsonObject> PodObjects(this Workload workload, string path) =>
        Json.Objects(Probe.Navigate(workload.PodSpec, path));

    /// <summary>
    /// An annotation on the pod template (or on the pod itself): AppArmor profiles were set this way before
    /// Kubernetes 1.30 and still are on many clusters.
    /// </summary>
    public static string? TemplateAnnotation(this Workload workload, string key)
    {
        var json = workload.Object.Json;
        var metadata = workload.Object.Kind switch
        {
            "Pod" => json["metadata"],
            "CronJob" => json["spec"]?["jobTemplate"]?["spec"]?["template"]?["metadata"],
            _ => json["spec"]?["template"]?["metadata"],
        };
        return Json.Text((metadata?["annotations"] as JsonObject)?[key]);
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
        $"{workload.Object.Key}: containers[{KubernetesFacts.ContainerName(container)}].{path}";
}
