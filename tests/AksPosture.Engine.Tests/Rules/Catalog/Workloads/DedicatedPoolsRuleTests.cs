using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-REL-12: GPU pools tainted, GPU pods on GPU nodes, a manageable number of pools.</summary>
public class DedicatedPoolsRuleTests
{
    private const string Rule = "AKS-REL-12";

    private const string PendingGpuPod = """
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "trainer-0", "namespace": "legacy", "labels": { "app": "trainer" } },
          "spec": { "containers": [ { "name": "train", "image": "contosolegacy.azurecr.io/ml/trainer:1.0",
                                      "resources": { "limits": { "nvidia.com/gpu": "1", "memory": "16Gi" }, "requests": { "cpu": "4", "memory": "16Gi" } } } ] },
          "status": { "phase": "Pending" }
        }
        """;

    [Fact]
    public void Rel12_TwoUserPoolsNoGpu_AsksWhetherEachPoolIsNeeded()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("('apps', 'armspot')", result.Message);
        Assert.Equal("none", result.EvidenceAt("pools.gpu"));
        Assert.Equal("0 GPU node(s); 19 active user pod(s) checked", result.EvidenceAt("kubernetes.nodes.gpu"));
    }

    [Fact]
    public void Rel12_OneUserPool_Passes()
    {
        var result = With(Shop).RemoveCluster("properties.agentPoolProfiles[armspot]").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("2 pool(s): system, apps", result.EvidenceAt("properties.agentPoolProfiles"));
    }

    [Fact]
    public void Rel12_MorePoolsThanTheThreshold_Warns()
    {
        var result = With(Shop).Evaluate(Rule, new AssessmentSettings { MaxNodePools = 2 });

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("3 node pools, more than the 2", result.Message);
    }

    [Fact]
    public void Rel12_MorePoolsThanTheThresholdWithoutKubernetes_StillWarns()
    {
        var result = Cluster().Evaluate(Rule, new AssessmentSettings { MaxNodePools = 2 });

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Rel12_UntaintedNSeriesPool_WarnsAndNamesPodsOccupyingIt()
    {
        var result = With(Shop)
            .SetCluster("properties.agentPoolProfiles[armspot].vmSize", "Standard_NC6s_v3")
            .SetCluster("properties.agentPoolProfiles[armspot].nodeTaints", Array.Empty<string>())
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("GPU pool(s) 'armspot' carry no taint", result.Message);
        Assert.Equal("armspot", result.EvidenceAt("pools.gpu"));
        Assert.Equal(2, result.ObjectResults.Count);
        Assert.All(result.ObjectResults, o => Assert.StartsWith("shop/Pod/order-worker-", o.ObjectKey));
        Assert.Contains("occupies GPU node 'aks-armspot-16180339-vmss000000'", result.ObjectResults[0].Message);
    }

    [Fact]
    public void Rel12_PoolWithGpuProfile_CountsAsGpuPool()
    {
        var result = With(Shop).SetCluster("properties.agentPoolProfiles[armspot].gpuProfile", new { driver = "Install" }).Evaluate(Rule);

        Assert.Equal("armspot", result.EvidenceAt("pools.gpu"));
        Assert.Equal("{\"driver\":\"Install\"}", result.EvidenceAt("properties.agentPoolProfiles[armspot].gpuProfile"));
    }

    [Fact]
    public void Rel12_GpuPodWithNowhereToRun_Warns()
    {
        var result = With(Shop, Legacy).Add(PendingGpuPod).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        var pod = Assert.Single(result.ObjectResults);
        Assert.Equal("legacy/Pod/trainer-0", pod.ObjectKey);
        Assert.Contains("requests a GPU and is not scheduled", pod.Message);
    }

    [Fact]
    public void Rel12_NoPools_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().RemoveCluster("properties.agentPoolProfiles").Evaluate(Rule).Status);
    }

    [Fact]
    public void Rel12_NoKubernetesObjects_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Evaluate(Rule).Status);
    }

    [Fact]
    public void Rel12_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "forbidden: pods is forbidden").Evaluate(Rule).Status);
    }
}
