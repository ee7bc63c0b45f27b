using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Fixtures;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-COST-04 (node + pod autoscaling, check "node-autoscaling") and AKS-COST-11 (HPA coverage).</summary>
public class AutoscalingRulesTests
{
    private static string UnneededNodes(params double[] averages) => $$"""
        {
          "cost": 0, "timespan": "2025-09-01T00:00:00Z/2025-09-02T00:00:00Z", "interval": "PT6H",
          "namespace": "microsoft.containerservice/managedclusters", "resourceregion": "westeurope",
          "value": [ {
            "id": "{{AzureDataSamples.ClusterId}}/providers/Microsoft.Insights/metrics/cluster_autoscaler_unneeded_nodes_count",
            "type": "Microsoft.Insights/metrics",
            "name": { "value": "cluster_autoscaler_unneeded_nodes_count", "localizedValue": "Unneeded Nodes" },
            "unit": "Count", "errorCode": "Success",
            "timeseries": [ { "metadatavalues": [], "data": [ {{string.Join(",", averages.Select((a, i) => $$"""{ "timeStamp": "2025-09-01T{{i * 6:00}}:00:00Z", "average": {{a.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }"""))}} ] } ]
          } ]
        }
        """;

    [Fact]
    public void Cost04_AutoscaledPoolsAndPodAutoscalers_Passes()
    {
        var result = With(Shop, Legacy).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("All 2 user pool(s) are autoscaled. 3 of 6 multi-replica workloads have a pod autoscaler.", result.Message);
        Assert.Equal("4 horizontal (HPA/ScaledObject), 1 vertical (VPA)", result.EvidenceAt("kubernetes.autoscalers"));
        Assert.Equal("node-autoscaling", result.CheckId);
    }

    [Fact]
    public void Cost04_NoPodAutoscalerForMultiReplicaWorkloads_Warns()
    {
        var result = With(Legacy).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["legacy/Deployment/inventory-api", "legacy/Deployment/report-ui"], result.ObjectKeys());
        Assert.Contains(new Evidence("legacy/Deployment/inventory-api: spec.replicas", "3"), result.ObjectResults[0].Evidence);
    }

    [Fact]
    public void Cost04_FixedUserPool_FailsLikeCost09()
    {
        var fixture = With(Shop).SetCluster("properties.agentPoolProfiles[apps].enableAutoScaling", false);

        var cost04 = fixture.Evaluate("AKS-COST-04");
        var cost09 = fixture.Evaluate("AKS-COST-09");

        Assert.Equal(RuleStatus.Fail, cost04.Status);
        Assert.Equal(cost09.Message, cost04.Message);
        Assert.Equal(cost09.CheckId, cost04.CheckId);
    }

    [Fact]
    public void Cost04_NoUserPool_IsNotApplicable()
    {
        var result = Cluster(ClusterFixture.NeglectedDev).Kubernetes(Legacy).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("AKS-REL-03", result.Message);
    }

    [Fact]
    public void Cost04_ScaleDownBlockedMostOfTheWindow_Warns()
    {
        var result = With(Shop).Azure("metrics", UnneededNodes(2, 1, 0, 3)).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("unneeded nodes in 3 of 4 intervals", result.Message);
        Assert.Equal("unneeded nodes in 3 of 4 intervals", result.EvidenceAt("azure.metrics.cluster_autoscaler_unneeded_nodes_count"));
    }

    [Fact]
    public void Cost04_UnneededNodesNowAndThen_Passes()
    {
        Assert.Equal(RuleStatus.Pass, With(Shop).Azure("metrics", UnneededNodes(0, 1, 0, 0)).Evaluate("AKS-COST-04").Status);
    }

    [Fact]
    public void Cost04_MetricsWithoutUnneededNodes_NoWarning()
    {
        var otherMetric = UnneededNodes(3, 3, 3, 3).Replace("cluster_autoscaler_unneeded_nodes_count", "node_cpu_usage_percentage");

        var result = With(Shop).Azure("metrics", otherMetric).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Null(result.EvidenceAt("azure.metrics.cluster_autoscaler_unneeded_nodes_count"));
    }

    [Fact]
    public void Cost04_StoppedCluster_MetricsNotJudged()
    {
        var result = With(Shop).SetCluster("properties.powerState.code", "Stopped").Azure("metrics", UnneededNodes(3, 3, 3, 3)).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.DoesNotContain("unneeded nodes", result.Message);
    }

    [Fact]
    public void Cost04_NoMultiReplicaWorkloads_Passes()
    {
        var result = Cluster().Kubernetes(Nodes).Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("No workload runs several replicas", result.Message);
    }

    [Fact]
    public void Cost04_NoKubernetesObjects_IsNotApplicable()
    {
        var result = Cluster().Evaluate("AKS-COST-04");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("pod autoscaling needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Cost04_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate("AKS-COST-04").Status);
    }

    [Fact]
    public void Cost11_ThreeOfFourAutoscaled_WarnsBelowTheDefaultThreshold()
    {
        var result = With(Shop).Evaluate("AKS-COST-11");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal("3 of 4 multi-replica Deployments/StatefulSets (75 %) have an HPA or ScaledObject", result.EvidenceAt("kubernetes.workloads.hpaCoverage"));
        Assert.Equal(["shop/StatefulSet/redis"], result.ObjectKeys());
    }

    [Fact]
    public void Cost11_CoverageAtAConfiguredThreshold_Passes()
    {
        var result = With(Shop).Evaluate("AKS-COST-11", new AssessmentSettings { AutoscaledWorkloadThreshold = 0.75 });

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal(["shop/StatefulSet/redis"], result.ObjectKeys());
    }

    [Fact]
    public void Cost11_VpaAloneDoesNotCount_AndScaledObjectDoes()
    {
        var result = With(Shop).Remove("shop/HorizontalPodAutoscaler/storefront").Evaluate("AKS-COST-11");

        // storefront keeps its VPA; order-worker is scaled by a ScaledObject that names no kind.
        Assert.Equal(["shop/Deployment/storefront", "shop/StatefulSet/redis"], result.ObjectKeys());
    }

    [Fact]
    public void Cost11_NoMultiReplicaWorkloads_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Kubernetes(Nodes).Evaluate("AKS-COST-11").Status);
    }

    [Fact]
    public void Cost11_NoKubernetesObjects_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Evaluate("AKS-COST-11").Status);
    }

    [Fact]
    public void Cost11_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate("AKS-COST-11").Status);
    }
}
