using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Facts about workloads and pods that several rules share.</summary>
internal static class WorkloadFacts
{
    /// <summary>The pod template (metadata + spec) a workload stamps its pods from; for a bare Pod, the Pod itself.</summary>
    public static JsonObject? Template(this Workload workload) => workload.Object.Kind switch
    {
        "Pod" => workload.Object.Json,
        "CronJob" => Json.At(workload.Object.Json, "spec.jobTemplate.spec.template") as JsonObject,
        _ => Json.At(workload.Object.Json, "spec.template") as JsonObject,
    };

    public static IReadOnlyDictionary<string, string> TemplateLabels(this Workload workload) =>
        Json.Map(Json.At(workload.Template(), "metadata.labels"));

    /// <summary>Deployments and StatefulSets: the kinds a replica count, an HPA and a PDB apply to.</summary>
    public static bool IsReplicated(this Workload workload) => workload.Object.Kind is "Deployment" or "StatefulSet";

    /// <summary>A Deployment or StatefulSet asking for two or more replicas (the API defaults an absent count to 1).</summary>
    public static bool IsMultiReplica(this Workload workload) => workload.IsReplicated() && workload.Replicas >= 2;

    /// <summary>User-namespace Deployments and StatefulSets with two or more replicas.</summary>
    public static IReadOnlyList<Workload> MultiReplicaWorkloads(this Probe probe, KubernetesInventory inventory) =>
        probe.UserWorkloads(inventory).Where(IsMultiReplica).ToList();

    public static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
