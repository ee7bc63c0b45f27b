using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-OPS-09 (KEDA available and used) and AKS-PERF-08 (scalers on workload signals).</summary>
public class KedaRulesTests
{
    private const string ScaledJob = """
        {
          "apiVersion": "keda.sh/v1alpha1", "kind": "ScaledJob",
          "metadata": { "name": "invoice-export", "namespace": "legacy" },
          "spec": { "jobTargetRef": { "template": { "spec": { "containers": [ { "name": "export", "image": "contosolegacy.azurecr.io/invoice-export:2.0" } ], "restartPolicy": "Never" } } },
                    "triggers": [ { "type": "azure-queue", "metadata": { "queueName": "invoices", "queueLength": "5", "accountName": "stcontosolegacy" } } ] }
        }
        """;

    [Fact]
    public void Ops09_AddOnOnAndScaledObject_Passes()
    {
        var result = With(Shop).Evaluate("AKS-OPS-09");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("shop/ScaledObject/order-worker [azure-servicebus]", result.EvidenceAt("kubernetes.kedaScalers"));
    }

    [Fact]
    public void Ops09_ScaledJob_CountsAsUse()
    {
        Assert.Equal(RuleStatus.Pass, With(Legacy).Add(ScaledJob).Evaluate("AKS-OPS-09").Status);
    }

    [Fact]
    public void Ops09_AddOnOnButUnused_IsNotApplicable()
    {
        var result = With(Legacy).Evaluate("AKS-OPS-09");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("enabled but no ScaledObject or ScaledJob", result.Message);
    }

    [Fact]
    public void Ops09_AddOnOffAndNothingEventDriven_AsksForConfirmation()
    {
        var result = With(Legacy).SetCluster("properties.workloadAutoScalerProfile.keda.enabled", false).Evaluate("AKS-OPS-09");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Equal("false", result.EvidenceAt("properties.workloadAutoScalerProfile.keda.enabled"));
    }

    [Fact]
    public void Ops09_KedaInstalledOutsideTheAddOn_Passes()
    {
        var result = With(Shop).SetCluster("properties.workloadAutoScalerProfile.keda.enabled", false).Evaluate("AKS-OPS-09");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("installed outside the add-on", result.Message);
    }

    [Fact]
    public void Ops09_NoKubernetesObjects_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Evaluate("AKS-OPS-09").Status);
    }

    [Fact]
    public void Ops09_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate("AKS-OPS-09").Status);
    }

    [Fact]
    public void Perf08_ServiceBusTrigger_Passes()
    {
        var result = With(Shop).Evaluate("AKS-PERF-08");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("(azure-servicebus)", result.Message);
    }

    [Fact]
    public void Perf08_OnlyCpuTriggers_AsksForConfirmation()
    {
        var result = With(Shop)
            .Edit("shop/ScaledObject/order-worker", s => s["spec"]!["triggers"] = JsonNode.Parse("""[ { "type": "cpu", "metricType": "Utilization", "metadata": { "value": "60" } } ]"""))
            .Evaluate("AKS-PERF-08");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("'shop/ScaledObject/order-worker' use only CPU or memory triggers", result.Message);
        Assert.Equal("shop/ScaledObject/order-worker [cpu]", result.EvidenceAt("kubernetes.kedaScalers"));
    }

    [Fact]
    public void Perf08_NoScalers_AsksForConfirmation()
    {
        var result = With(Legacy).Evaluate("AKS-PERF-08");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Equal("none", result.EvidenceAt("kubernetes.kedaScalers"));
    }

    [Fact]
    public void Perf08_NoUserWorkloads_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Kubernetes(Nodes).Evaluate("AKS-PERF-08").Status);
    }

    [Fact]
    public void Perf08_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate("AKS-PERF-08").Status);
    }
}
