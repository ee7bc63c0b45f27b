using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-REL-06: workloads choose their pool with a node selector, node affinity or a matching toleration.</summary>
public class PodSchedulingRuleTests
{
    private const string Rule = "AKS-REL-06";

    [Fact]
    public void Rel06_EveryWorkloadChoosesAPool_Passes()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("4 of 4 user workloads choose their nodes", result.EvidenceAt("kubernetes.workloads.placement"));
        Assert.Equal("{\"workload-class\":\"general\"}", result.EvidenceAt("properties.agentPoolProfiles[apps].nodeLabels"));
    }

    [Fact]
    public void Rel06_WorkloadsWithoutPlacement_WarnsAndSkipsDaemonSets()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(
            ["legacy/CronJob/nightly-export", "legacy/Deployment/inventory-api", "legacy/Deployment/ml-scorer", "legacy/Deployment/report-ui", "legacy/Pod/debug-shell"],
            result.ObjectKeys());
        Assert.Contains(new Evidence("legacy/Deployment/inventory-api: nodeSelector", null), result.ObjectResults[0].Evidence);
    }

    [Fact]
    public void Rel06_ToleratingTheSystemPoolTaint_DoesNotCountAsChoosing()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Contains("legacy/Deployment/report-ui", result.ObjectKeys());
    }

    [Fact]
    public void Rel06_ToleratingATaintedUserPool_CountsAsChoosing()
    {
        var result = With(Shop)
            .Edit("shop/Deployment/order-worker", d => d["spec"]!["template"]!["spec"]!.AsObject().Remove("nodeSelector"))
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel06_TolerateEverything_DoesNotCountAsChoosing()
    {
        var result = With(Shop)
            .Edit("shop/Deployment/order-worker", d =>
            {
                var spec = d["spec"]!["template"]!["spec"]!.AsObject();
                spec.Remove("nodeSelector");
                spec["tolerations"] = new JsonArray(new JsonObject { ["operator"] = "Exists" });
            })
            .Evaluate(Rule);

        Assert.Equal(["shop/Deployment/order-worker"], result.ObjectKeys());
    }

    [Fact]
    public void Rel06_OperatingSystemSelectorOnly_DoesNotCountAsChoosing()
    {
        var result = With(Shop)
            .Edit("shop/Deployment/storefront", d => d["spec"]!["template"]!["spec"]!["nodeSelector"] = new JsonObject { ["kubernetes.io/os"] = "linux" })
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["shop/Deployment/storefront"], result.ObjectKeys());
    }

    [Fact]
    public void Rel06_OneUnlabelledUntaintedUserPool_IsNotApplicable()
    {
        var result = With(Shop, Legacy)
            .RemoveCluster("properties.agentPoolProfiles[armspot]")
            .SetCluster("properties.agentPoolProfiles[apps].nodeLabels", new { })
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("1 user pool(s) and no tainted or labelled pool", result.Message);
        Assert.Equal("{}", result.EvidenceAt("properties.agentPoolProfiles[apps].nodeLabels"));
    }

    [Fact]
    public void Rel06_OneLabelledUserPool_IsJudged()
    {
        var result = With(Shop, Legacy).RemoveCluster("properties.agentPoolProfiles[armspot]").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Fact]
    public void Rel06_NoUserWorkloads_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Kubernetes(Nodes).Evaluate(Rule).Status);
    }

    [Fact]
    public void Rel06_NoKubernetesObjects_IsNotApplicable()
    {
        var result = Cluster().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Rel06_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "dial tcp: i/o timeout").Evaluate(Rule).Status);
    }
}
