using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>The workload part of AKS-PERF-04: workloads pinned to different autoscaled user pools.</summary>
public class FlowPinningTests
{
    private const string Rule = "AKS-PERF-04";

    [Fact]
    public void Perf04_WorkloadsPinnedToTwoPools_Passes()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("apps, armspot", result.EvidenceAt("kubernetes.workloads.pinnedPools"));
    }

    [Fact]
    public void Perf04_ArchitectureSelectorWithoutNodeObjects_ResolvesFromTheVmSize()
    {
        var result = Cluster().Kubernetes(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("apps, armspot", result.EvidenceAt("kubernetes.workloads.pinnedPools"));
    }

    [Fact]
    public void Perf04_NoWorkloadPinned_WarnsPerWorkload()
    {
        var result = With(Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no workload is pinned to a pool", result.Message);
        Assert.Equal(
            ["legacy/CronJob/nightly-export", "legacy/Deployment/inventory-api", "legacy/Deployment/ml-scorer", "legacy/Deployment/report-ui", "legacy/Pod/debug-shell"],
            result.ObjectKeys());
    }

    [Fact]
    public void Perf04_AllWorkloadsPinnedToOnePool_Warns()
    {
        var result = With(Shop).Remove("shop/Deployment/order-worker").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("pinned only to apps", result.Message);
        Assert.Empty(result.ObjectResults);
    }

    [Fact]
    public void Perf04_NoUserWorkloads_KeepsTheManualQuestion()
    {
        Assert.Equal(RuleStatus.Manual, Cluster().Kubernetes(Nodes).Evaluate(Rule).Status);
    }
}
