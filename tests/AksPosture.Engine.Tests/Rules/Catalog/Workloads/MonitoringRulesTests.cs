using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.AzureDataSamples;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-REL-02: telemetry, alert rules and probes (its probe part is AKS-POL-01, see ProbeCoverageTests).</summary>
public class MonitoringRulesTests
{
    private const string Monitoring = "AKS-REL-02";
    private const string Probes = "AKS-POL-01";
    private static readonly string NodeAlert = List(MetricAlert("aks-node-not-ready", ClusterId));

    [Fact]
    public void Rel02_TelemetryAlertAndProbedContainers_Passes()
    {
        var result = With(Shop).Azure("alertRules", NodeAlert).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("Container Insights and managed Prometheus", result.Message);
        Assert.Equal("1: aks-node-not-ready", result.EvidenceAt("azure.alertRules.watchingCluster"));
        Assert.Equal("4 of 4 user containers (100 %) have readiness and liveness probes", result.EvidenceAt("kubernetes.containers"));
        Assert.Empty(result.ObjectResults);
    }

    [Fact]
    public void Rel02_NoContainerInsightsNorPrometheus_Fails()
    {
        var result = With(Shop)
            .SetCluster("properties.addonProfiles.omsagent.enabled", false)
            .SetCluster("properties.azureMonitorProfile.metrics.enabled", false)
            .Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("neither Container Insights (omsagent) nor managed Prometheus", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("false", result.EvidenceAt("properties.addonProfiles.omsagent.enabled"));
    }

    [Fact]
    public void Rel02_OnlyOtherClustersAndDisabledRules_Fails()
    {
        var alerts = List(
            MetricAlert("other-cluster", ClusterId.Replace("aks-contoso-prod-weu", "aks-contoso-test-weu")),
            MetricAlert("muted", ClusterId, enabled: false));

        var result = With(Shop).Azure("alertRules", alerts).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no enabled alert rule watches this cluster", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("none", result.EvidenceAt("azure.alertRules.watchingCluster"));
    }

    [Fact]
    public void Rel02_ManagedPrometheusWithRuleGroupForTheCluster_Passes()
    {
        var result = With(Shop)
            .SetCluster("properties.addonProfiles.omsagent.enabled", false)
            .Azure("alertRules", List(PrometheusRuleGroup("aks-contoso-prod-weu")))
            .Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("Telemetry from managed Prometheus", result.Message);
    }

    [Fact]
    public void Rel02_ResourceGroupAlertTargetingManagedClusters_Counts()
    {
        var alert = MetricAlert("all-clusters-in-rg", Subscription + "/resourceGroups/rg-contoso-aks-prod", targetType: "Microsoft.ContainerService/managedClusters");

        var result = With(Shop).Azure("alertRules", List(alert)).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel02_ResourceGroupAlertForOtherResourceTypes_DoesNotCount()
    {
        var alert = MetricAlert("vm-cpu", Subscription + "/resourceGroups/rg-contoso-aks-prod", targetType: "Microsoft.Compute/virtualMachines");

        var result = With(Shop).Azure("alertRules", List(alert)).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Rel02_NeglectedNamespaceWithoutProbes_WarnsAndNamesTheWorkloads()
    {
        var result = With(Shop, Legacy).Azure("alertRules", NodeAlert).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("4 of 10 user containers (40 %)", result.Message);
        Assert.Equal(
            ["legacy/CronJob/nightly-export", "legacy/DaemonSet/log-shipper", "legacy/Deployment/inventory-api", "legacy/Deployment/ml-scorer", "legacy/Deployment/report-ui", "legacy/Pod/debug-shell"],
            result.ObjectKeys());
    }

    [Fact]
    public void Rel02_AlertRulesNotCollected_IsNotApplicable()
    {
        var result = With(Shop).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'alertRules' was not collected", result.Message);
        Assert.Null(result.EvidenceAt("azure.alertRules"));
    }

    [Fact]
    public void Rel02_AlertRulesNotCollectedButProbesMissing_StillWarns()
    {
        var result = With(Shop, Legacy).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'alertRules' was not collected", result.Message);
    }

    [Fact]
    public void Rel02_AlertRulesCollectionDenied_ErrorsNamingThePermission()
    {
        var result = With(Shop).Problem("alertRules", "403 AuthorizationFailed", "Microsoft.Insights/metricAlerts/read").Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Insights/metricAlerts/read", result.Message);
    }

    [Fact]
    public void Rel02_StoppedClusterWithoutObjects_IsNotApplicable()
    {
        var result = Cluster().SetCluster("properties.powerState.code", "Stopped").Azure("alertRules", NodeAlert).Evaluate(Monitoring);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("stopped", result.Message);
        Assert.Equal("not applicable: the cluster is stopped", result.EvidenceAt("metrics.liveHealth"));
    }

    [Fact]
    public void Rel02_StoppedClusterWithoutTelemetry_StillFails()
    {
        var result = Cluster()
            .SetCluster("properties.powerState.code", "Stopped")
            .SetCluster("properties.addonProfiles.omsagent.enabled", false)
            .RemoveCluster("properties.azureMonitorProfile")
            .Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Rel02_KubernetesCollectionFailed_Errors()
    {
        var result = Cluster().Azure("alertRules", NodeAlert).Problem("kubernetes", "Unauthorized: the kubeconfig token expired").Evaluate(Monitoring);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("token expired", result.Message);
    }

    [Fact]
    public void Probes_Rel02AndPol01_ShareOneCheckAndAgreeOnTheProbePart()
    {
        var fixture = With(Shop, Legacy).Azure("alertRules", NodeAlert);

        var monitoring = fixture.Evaluate(Monitoring);
        var probes = fixture.Evaluate(Probes);

        Assert.Equal("probes", monitoring.CheckId);
        Assert.Equal("probes", probes.CheckId);
        Assert.Equal(probes.Status, monitoring.Status);
        Assert.Equal(probes.ObjectKeys(), monitoring.ObjectKeys());
    }
}
