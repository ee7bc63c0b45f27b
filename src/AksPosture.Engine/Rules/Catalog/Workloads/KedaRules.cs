using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>KEDA: available and used (AKS-OPS-09), and scaling on workload signals rather than CPU/memory (AKS-PERF-08).</summary>
internal static class KedaRules
{
    private const string LearnMore = ClusterFacts.LearnBase + "keda-about";
    private static readonly string[] ResourceTriggers = ["cpu", "memory"];

    public static IEnumerable<Rule> All() => [UseKeda, EventSignals];

    private static readonly Rule UseKeda = new(new RuleDefinition
    {
        Id = "AKS-OPS-09",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Low,
        Title = "Use KEDA for event-driven workloads",
        Rationale = "Queue consumers and stream processors load up on events, not CPU; KEDA scales them on the backlog itself and down to zero when there is none.",
        Remediation = "Enable the KEDA add-on and describe event-driven workloads with ScaledObjects or ScaledJobs.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-keda",
        RemediationProperty = "properties.workloadAutoScalerProfile.keda.enabled = true; keda.sh/v1alpha1 ScaledObject / ScaledJob",
        SeedReference = "Operational Excellence recommendation 2",
        Scope = RuleScope.Workload,
        Automation = Automation.Partial,
        LearnMoreUrl = LearnMore,
    }, EvaluateUseKeda);

    private static readonly Rule EventSignals = new(new RuleDefinition
    {
        Id = "AKS-PERF-08",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Low,
        Title = "Scale on workload-specific signals with KEDA",
        Rationale = "CPU and memory lag behind demand for event-driven work; a scaler on queue length, topic lag or request rate reacts to the load before it arrives at the pods.",
        Remediation = "Give event-driven workloads a KEDA ScaledObject (or ScaledJob) with a trigger on the signal that drives them.",
        RemediationCommand = "kubectl apply -f scaledobject.yaml   # keda.sh/v1alpha1 ScaledObject with e.g. an azure-servicebus trigger",
        RemediationProperty = "keda.sh/v1alpha1 ScaledObject spec.triggers[].type",
        SeedReference = "Performance Efficiency recommendation 4",
        Scope = RuleScope.Workload,
        Automation = Automation.Partial,
        LearnMoreUrl = LearnMore,
    }, EvaluateEventSignals);

    private static Outcome EvaluateUseKeda(Probe probe)
    {
        var addOn = probe.Bool("properties.workloadAutoScalerProfile.keda.enabled") == true;
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Checking KEDA use");
        }

        var scalers = Scalers(probe, inventory);
        if (scalers.Count > 0)
        {
            return Pass(addOn
                ? $"The KEDA add-on is on and scales {scalers.Count} workload(s)."
                : $"KEDA (installed outside the add-on) scales {scalers.Count} workload(s); the managed add-on would take its upgrades off your hands.");
        }

        return addOn
            ? NotApplicable("The KEDA add-on is enabled but no ScaledObject or ScaledJob uses it yet.")
            : Manual("KEDA is not enabled and nothing uses it. Confirm no workload is event-driven (queue consumers, stream processors, scheduled batch); if some are, enable KEDA for them.");
    }

    private static Outcome EvaluateEventSignals(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Checking KEDA triggers");
        }

        var scalers = Scalers(probe, inventory);
        var external = scalers.Where(s => Triggers(s).Any(t => !ResourceTriggers.Contains(t))).ToList();
        if (external.Count > 0)
        {
            var kinds = external.SelectMany(Triggers).Where(t => !ResourceTriggers.Contains(t)).Distinct();
            return Pass($"{external.Count} KEDA scaler(s) react to workload signals ({string.Join(", ", kinds)}).");
        }

        if (probe.UserWorkloads(inventory).Count == 0)
        {
            return NotApplicable("There are no user workloads.");
        }

        return Manual(scalers.Count == 0
            ? "No KEDA scaler exists. Confirm no workload should scale on events (queue length, topic lag, request rate); if one should, add a ScaledObject with that trigger."
            : $"KEDA scaler(s) {RuleText.List(scalers.Select(s => s.Key))} use only CPU or memory triggers. Confirm none of these workloads is driven by events it could scale on directly.");
    }

    private static IReadOnlyList<KubernetesObject> Scalers(Probe probe, KubernetesInventory inventory)
    {
        var scalers = probe.UserObjects(inventory, "ScaledObject").Concat(probe.UserObjects(inventory, "ScaledJob")).ToList();
        probe.Note("kubernetes.kedaScalers", scalers.Count == 0 ? "none" : string.Join(", ", scalers.Select(s => $"{s.Key} [{string.Join(", ", Triggers(s))}]")));
        return scalers;
    }

    private static IEnumerable<string> Triggers(KubernetesObject scaler) =>
        Json.Objects(Json.At(scaler.Json, "spec.triggers")).Select(t => Json.Text(t["type"])).OfType<string>();
}
