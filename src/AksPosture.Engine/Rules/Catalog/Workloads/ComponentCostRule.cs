using AksPosture.Engine.Rules.Catalog.AzureData;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>AKS-COST-03: small images and no duplicated audit logs; the region choice is a person's call.</summary>
internal static class ComponentCostRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-COST-03",
        Pillar = Pillar.CostOptimization,
        Severity = Severity.Low,
        Title = "Optimise component costs: small images, lean monitoring, the right region",
        Rationale = "Large images slow every scale-out because each new node pulls them first, which pushes teams to over-provision. Sending both audit log categories to Log Analytics pays twice for the same events.",
        Remediation = "Slim large images (multi-stage builds, smaller base images), send kube-audit-admin rather than kube-audit to Log Analytics, and review the region choice for cost.",
        RemediationCommand = "az monitor diagnostic-settings create --resource <clusterId> -n aks-audit --workspace <workspaceId> --logs '[{\"category\":\"kube-audit-admin\",\"enabled\":true},{\"category\":\"guard\",\"enabled\":true}]'",
        RemediationProperty = "container images; Microsoft.Insights/diagnosticSettings properties.logs[] (kube-audit vs kube-audit-admin)",
        SeedReference = "Cost Optimization checklist 3",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        Lineage = ["PSRule: Azure.AKS.AuditAdmin"],
        LearnMoreUrl = "https://learn.microsoft.com/azure/azure-monitor/best-practices-containers#cost-optimization",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var verdict = new Verdict();
        // The audit part is judged only when diagnostic settings were collected and their groups expanded; images decide the rest.
        var audit = "diagnostic settings were not collected";
        if (DiagnosticCoverage.TryRead(probe, out var coverage, out _))
        {
            var doubled = AuditLogVolume.WorkspacesWithBoth(probe, coverage);
            if (doubled.Count > 0)
            {
                verdict.Warn($"both kube-audit and kube-audit-admin go to workspace(s) {RuleText.List(doubled)}, paying twice for every write event");
            }

            audit = coverage.Unknown(coverage.Settings.Where(s => s.WorkspaceId is not null)) is null
                ? "audit logs are not sent twice"
                : "whether audit logs are sent twice is unknown (category groups could not be expanded without the diagnostic categories list)";
        }

        if (probe.Kubernetes() is not { } inventory)
        {
            verdict.Missing(probe.WithoutKubernetes("Judging image sizes"));
        }
        else if (ImageSizes.Oversized(probe, inventory) is { } oversized)
        {
            verdict.Objects(oversized);
            if (oversized.Count > 0)
            {
                verdict.Warn($"{oversized.Count} workload(s) run images over {ImageSizes.Gib(probe.Settings.LargeImageBytes)} ({RuleText.List(oversized.Select(f => f.ObjectKey))})");
            }
        }
        else
        {
            verdict.Missing(NotApplicable("No Node objects were collected, so image sizes (Node.status.images) cannot be judged."));
        }

        probe.Note("location", probe.Snapshot.Location);
        return verdict.Decide(() => Manual(
            $"No user image exceeds {ImageSizes.Gib(probe.Settings.LargeImageBytes)} and {audit}. Confirm the region ({probe.Snapshot.Location}) was chosen with its price, latency and data-residency trade-offs in mind."));
    }
}
