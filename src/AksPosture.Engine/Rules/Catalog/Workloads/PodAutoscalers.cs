using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Which workloads pod autoscalers act on: HorizontalPodAutoscalers and KEDA ScaledObjects (horizontal) and
/// VerticalPodAutoscalers (vertical), keyed like <see cref="KubernetesObject.Key"/> (<c>namespace/Kind/name</c>).
/// </summary>
internal sealed class PodAutoscalers
{
    private readonly ILookup<string, KubernetesObject> _horizontal;
    private readonly ILookup<string, KubernetesObject> _vertical;

    private PodAutoscalers(ILookup<string, KubernetesObject> horizontal, ILookup<string, KubernetesObject> vertical)
    {
        _horizontal = horizontal;
        _vertical = vertical;
    }

    public static PodAutoscalers Read(Probe probe, KubernetesInventory inventory)
    {
        var horizontal = probe.UserObjects(inventory, "HorizontalPodAutoscaler")
            .Select(h => (Key: TargetKey(h, "spec.scaleTargetRef", defaultKind: null), Scaler: h))
            .Concat(probe.UserObjects(inventory, "ScaledObject").Select(s => (Key: TargetKey(s, "spec.scaleTargetRef", defaultKind: "Deployment"), Scaler: s)));
        var vertical = probe.UserObjects(inventory, "VerticalPodAutoscaler")
            .Select(v => (Key: TargetKey(v, "spec.targetRef", defaultKind: null), Scaler: v));
        var autoscalers = new PodAutoscalers(
            horizontal.Where(h => h.Key is not null).ToLookup(h => h.Key!, h => h.Scaler, StringComparer.OrdinalIgnoreCase),
            vertical.Where(v => v.Key is not null).ToLookup(v => v.Key!, v => v.Scaler, StringComparer.OrdinalIgnoreCase));
        probe.Note("kubernetes.autoscalers", $"{autoscalers._horizontal.Sum(g => g.Count())} horizontal (HPA/ScaledObject), {autoscalers._vertical.Sum(g => g.Count())} vertical (VPA)");
        return autoscalers;
    }

    public IReadOnlyList<KubernetesObject> Horizontal(Workload workload) => [.. _horizontal[workload.Object.Key]];

    public IReadOnlyList<KubernetesObject> Vertical(Workload workload) => [.. _vertical[workload.Object.Key]];

    public bool Any(Workload workload) => Horizontal(workload).Count > 0 || Vertical(workload).Count > 0;

    // A KEDA ScaledObject without a kind targets a Deployment; HPA and VPA references always name the kind.
    private static string? TargetKey(KubernetesObject scaler, string refPath, string? defaultKind)
    {
        var reference = Json.At(scaler.Json, refPath);
        var kind = Json.Text(Json.At(reference, "kind")) ?? defaultKind;
        var name = Json.Text(Json.At(reference, "name"));
        return kind is null || name is null ? null : $"{scaler.Namespace}/{kind}/{name}";
    }
}
