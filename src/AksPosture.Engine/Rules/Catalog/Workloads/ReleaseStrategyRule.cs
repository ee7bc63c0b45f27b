using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-OPS-06: blue-green or canary release engineering for mission-critical workloads (attestation).</summary>
internal static class ReleaseStrategyRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-OPS-06",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Medium,
        Title = "Use stamp-level blue-green deployments for mission-critical workloads",
        Rationale = "Releasing to a fresh stamp or a small slice of traffic first, with a fast way back, turns a bad release or platform upgrade into a non-event instead of an outage.",
        Remediation = "Release mission-critical workloads blue-green at stamp level behind a global router, or progressively with Argo Rollouts, Flagger or a service mesh, and rehearse the switch back.",
        RemediationCommand = "az aks mesh enable -g <rg> -n <cluster>",
        RemediationProperty = "(process) release strategy; properties.serviceMeshProfile.mode = Istio; Rollout / Canary objects",
        SeedReference = "Operational Excellence checklist 6",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Manual,
        LearnMoreUrl = "https://learn.microsoft.com/azure/well-architected/mission-critical/mission-critical-deployment-testing",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var critical = probe.IsCritical();
        if (critical == false)
        {
            return NotApplicable("The workload is not declared mission-critical, so stamp-level blue-green is not expected.");
        }

        var evidence = new List<string>();
        if (string.Equals(probe.Text("properties.serviceMeshProfile.mode"), "Istio", StringComparison.OrdinalIgnoreCase))
        {
            evidence.Add("the Istio service mesh add-on is on");
        }

        if (probe.Kubernetes() is { } inventory)
        {
            evidence.AddRange(Progressive(probe, inventory, "Rollout", "argoproj.io/", "rollouts.argoproj.io", "Argo Rollouts"));
            evidence.AddRange(Progressive(probe, inventory, "Canary", "flagger.app/", "canaries.flagger.app", "Flagger"));
        }

        var seen = evidence.Count == 0 ? "No progressive-delivery tooling was found" : $"Evidence: {string.Join("; ", evidence)}";
        return Manual(critical == true
            ? $"Mission-critical workload. {seen}. Confirm releases go blue-green at stamp level (or progressively) with a tested way back."
            : $"Criticality is not declared (tag or context file). {seen}. Declare it; if mission-critical, confirm releases go blue-green at stamp level with a tested way back.");
    }

    private static IEnumerable<string> Progressive(Probe probe, KubernetesInventory inventory, string kind, string apiGroup, string crd, string tool)
    {
        var objects = probe.UserObjects(inventory, kind)
            .Where(o => Json.Text(o.Json["apiVersion"])?.StartsWith(apiGroup, StringComparison.Ordinal) == true).ToList();
        var installed = inventory.OfKind("CustomResourceDefinition").Any(c => c.Name == crd);
        probe.Note($"kubernetes.{kind}", $"{objects.Count} object(s); CRD {crd} {(installed ? "present" : "not seen")}");
        if (objects.Count > 0)
        {
            yield return $"{tool} manages {objects.Count} workload(s) ({RuleText.List(objects.Select(o => o.Key))})";
        }
        else if (installed)
        {
            yield return $"{tool} is installed ({crd}) but no {kind} objects exist";
        }
    }
}
