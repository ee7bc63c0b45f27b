using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>Cluster telemetry, alerting and workload health probes (AKS-REL-02, AKS-POL-01: one "probes" check).</summary>
internal static class MonitoringRules
{
    private const string ProbeProperty = "spec.template.spec.containers[].readinessProbe and .livenessProbe";

    public static IEnumerable<Rule> All() => [Monitoring, Probes];

    private static readonly Rule Monitoring = new(new RuleDefinition
    {
        Id = "AKS-REL-02",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Monitor cluster and workload health, with alerts",
        Rationale = "Without collected telemetry and alert rules, a failing node or a crash-looping service is found by its users. Probes let Kubernetes itself route traffic away from unhealthy pods and restart hung ones.",
        Remediation = "Enable Container Insights or managed Prometheus, create alert rules scoped to the cluster, and give every container readiness and liveness probes.",
        RemediationCommand = "az aks enable-addons -g <rg> -n <cluster> --addons monitoring",
        RemediationProperty = $"properties.addonProfiles.omsagent.enabled or properties.azureMonitorProfile.metrics.enabled; {ProbeProperty}",
        SeedReference = "Reliability checklist 2",
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = ProbeCoverage.CheckId,
        Lineage = ["PSRule: Azure.AKS.ContainerInsights", "Azure Policy b1a9997f-2883-4f12-bdff-2280f99b5915"],
        LearnMoreUrl = ClusterFacts.LearnBase + "monitor-aks",
    }, EvaluateMonitoring);

    private static readonly Rule Probes = new(new RuleDefinition
    {
        Id = "AKS-POL-01",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Configure readiness and liveness probes on containers",
        Rationale = "A container without a readiness probe receives traffic before it can serve it; one without a liveness probe stays hung until someone notices.",
        Remediation = "Add a readinessProbe and a livenessProbe (HTTP, TCP or exec) to every application container, and assign the built-in probes policy to keep it that way.",
        RemediationCommand = "kubectl edit deployment/<name> -n <namespace>   # add readinessProbe and livenessProbe to each container",
        RemediationProperty = ProbeProperty,
        SeedReference = "Azure policies: readiness or liveness health probes",
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = ProbeCoverage.CheckId,
        Lineage = ["Azure Policy b1a9997f-2883-4f12-bdff-2280f99b5915"],
        LearnMoreUrl = ClusterFacts.LearnBase + "best-practices-app-cluster-reliability",
    }, ProbeCoverage.Evaluate);

    private static Outcome EvaluateMonitoring(Probe probe)
    {
        var verdict = new Verdict();
        var sources = new List<string>();
        if (probe.AddonEnabled("omsagent"))
        {
            probe.Text("properties.addonProfiles.omsagent.config.logAnalyticsWorkspaceResourceID");
            sources.Add("Container Insights");
        }

        if (probe.Bool("properties.azureMonitorProfile.metrics.enabled") == true)
        {
            sources.Add("managed Prometheus");
        }

        if (sources.Count == 0)
        {
            verdict.Fail("neither Container Insights (omsagent) nor managed Prometheus collects the cluster's telemetry");
        }

        IReadOnlyList<string> alerts = [];
        if (probe.TryDataSet(AzureDataSets.AlertRules, out var data, out var missing))
        {
            alerts = AlertRuleScope.ForCluster(probe, data);
            if (alerts.Count == 0)
            {
                verdict.Fail("no enabled alert rule watches this cluster");
            }
        }
        else
        {
            verdict.Missing(missing);
        }

        // Live health comes from metrics, which a stopped cluster does not emit; the configuration is still judged.
        if (string.Equals(probe.Text("properties.powerState.code"), "Stopped", StringComparison.OrdinalIgnoreCase))
        {
            probe.Note("metrics.liveHealth", "not applicable: the cluster is stopped");
        }

        var coverage = ProbeCoverage.AddTo(verdict, probe);
        return verdict.Decide(() => Pass(
            $"Telemetry from {string.Join(" and ", sources)}, {alerts.Count} alert rule(s) watch the cluster, and {coverage!.Summary(ProbeCoverage.What)}."));
    }
}
