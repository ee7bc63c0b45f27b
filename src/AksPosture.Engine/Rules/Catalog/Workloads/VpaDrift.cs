using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Compares VerticalPodAutoscaler recommendations with what workloads request, and spots a VPA and an HPA both
/// steering the same workload on CPU or memory (they fight: one resizes pods while the other counts them).
/// </summary>
internal static class VpaDrift
{
    /// <summary>Requests within ±50 % of the VPA target count as right-sized.</summary>
    public const decimal Tolerance = 0.5m;

    private static readonly string[] Resources = ["cpu", "memory"];

    public static IReadOnlyList<ObjectFinding> Findings(Probe probe, KubernetesInventory inventory, IReadOnlyList<KubernetesObject> vpas)
    {
        var workloads = probe.UserWorkloads(inventory).ToDictionary(w => w.Object.Key, StringComparer.OrdinalIgnoreCase);
        var autoscalers = PodAutoscalers.Read(probe, inventory);
        var findings = new List<ObjectFinding>();
        foreach (var vpa in vpas)
        {
            var reference = Json.At(vpa.Json, "spec.targetRef");
            var key = $"{vpa.Namespace}/{Json.Text(Json.At(reference, "kind"))}/{Json.Text(Json.At(reference, "name"))}";
            if (!workloads.TryGetValue(key, out var workload))
            {
                continue;
            }

            var mode = Json.Text(Json.At(vpa.Json, "spec.updatePolicy.updateMode")) ?? "Auto";
            var problems = new List<string>();
            var evidence = new List<Evidence> { new($"{vpa.Key}: spec.updatePolicy.updateMode", mode) };

            // Only a recommendation-only VPA leaves the template's requests in force; the other modes apply the
            // target themselves, and the ones that resize running pods must not share CPU/memory with an HPA.
            switch (mode)
            {
                case "Off":
                    problems.AddRange(Drift(workload, vpa, evidence));
                    break;
                case "Initial":
                    break;
                case "Auto" or "Recreate" or "InPlaceOrRecreate":
                    if (Controls(vpa) && autoscalers.Horizontal(workload).FirstOrDefault(ScalesOnCpuOrMemory) is { } hpa)
                    {
                        problems.Add($"VPA '{vpa.Name}' ({mode}) resizes pods that {hpa.Kind} '{hpa.Name}' also scales on CPU or memory; the two fight");
                    }

                    break;
                default:
                    problems.Add($"VPA '{vpa.Name}' has an unrecognised update mode '{mode}'");
                    break;
            }

            if (problems.Count > 0)
            {
                findings.Add(ObjectFinding.For(workload.Object, RuleStatus.Warn, RuleText.Sentence(problems), [.. evidence]));
            }
        }

        return findings;
    }

    private static IEnumerable<string> Drift(Workload workload, KubernetesObject vpa, List<Evidence> evidence)
    {
        foreach (var recommendation in Json.Objects(Json.At(vpa.Json, "status.recommendation.containerRecommendations")))
        {
            var name = Json.Text(recommendation["containerName"]);
            var container = workload.Containers(includeInit: false).FirstOrDefault(c => Json.Text(c["name"]) == name);
            if (container is null)
            {
                continue;
            }

            foreach (var resource in Resources)
            {
                var target = Quantity.Parse(Json.At(recommendation, $"target.{resource}"));
                var requested = Quantity.Parse(Json.At(container, $"resources.requests.{resource}"));
                if (target is not > 0)
                {
                    continue;
                }

                evidence.Add(new Evidence($"{workload.Object.Key}: containers[{name}].resources.requests.{resource}", Json.At(container, $"resources.requests.{resource}")?.ToJsonString()));
                evidence.Add(new Evidence($"{vpa.Key}: target[{name}].{resource}", Json.At(recommendation, $"target.{resource}")?.ToJsonString()));
                if (requested is null || Math.Abs(requested.Value - target.Value) > target.Value * Tolerance)
                {
                    var asked = requested is null ? "no request" : $"a request at {Ratio(requested.Value, target.Value)} the recommendation";
                    yield return $"container '{name}' has {asked} for {resource}";
                }
            }
        }
    }

    private static string Ratio(decimal requested, decimal target) =>
        (requested / target).ToString("0.#", CultureInfo.InvariantCulture) + "×";

    // Without a resource policy the VPA controls both CPU and memory; with one, any container it still steers counts.
    private static bool Controls(KubernetesObject vpa)
    {
        var policies = Json.Objects(Json.At(vpa.Json, "spec.resourcePolicy.containerPolicies")).ToList();
        return policies.Count == 0 || policies.Any(p => Json.Text(p["mode"]) != "Off"
            && (p["controlledResources"] is not JsonArray list || Json.Texts(list).Intersect(Resources).Any()));
    }

    // An autoscaling/v2 HPA without metrics scales on CPU; KEDA cpu/memory triggers count the same way.
    private static bool ScalesOnCpuOrMemory(KubernetesObject scaler)
    {
        if (scaler.Kind == "ScaledObject")
        {
            return Json.Objects(Json.At(scaler.Json, "spec.triggers")).Any(t => Json.Text(t["type"]) is "cpu" or "memory");
        }

        var metrics = Json.Objects(Json.At(scaler.Json, "spec.metrics")).ToList();
        return metrics.Count == 0 || metrics.Any(m => Json.Text(m["type"]) is "Resource" or "ContainerResource");
    }
}
