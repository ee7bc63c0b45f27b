using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>The workload part of AKS-REL-03: user pods on nodes labelled kubernetes.azure.com/mode=system.</summary>
public class SystemPoolPodsTests
{
    private const string Rule = "AKS-REL-03";
    private const string ReportUiOnSystem = "legacy/Pod/report-ui-6b4eb00b78-464z4";

    [Fact]
    public void Rel03_UserPodOnSystemNode_FailsWithThePod()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains($"1 user pod(s) run on system nodes ('{ReportUiOnSystem}')", result.Message);
        var pod = Assert.Single(result.ObjectResults);
        Assert.Equal(ReportUiOnSystem, pod.ObjectKey);
        Assert.Equal(RuleStatus.Fail, pod.Status);
        Assert.Contains(new Evidence($"{ReportUiOnSystem}: spec.nodeName", "aks-system-31415926-vmss000001"), pod.Evidence);
        Assert.Equal("1 of 17 user pods (3 system node(s))", result.EvidenceAt("kubernetes.pods.onSystemNodes"));
    }

    [Fact]
    public void Rel03_DaemonSetPodOnSystemNode_IsNotCounted()
    {
        // log-shipper (a DaemonSet in the legacy namespace) still has a pod on aks-system-…000000.
        var result = With(Shop, Legacy).Remove(ReportUiOnSystem).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Empty(result.ObjectResults);
        Assert.Equal("0 of 16 user pods (3 system node(s))", result.EvidenceAt("kubernetes.pods.onSystemNodes"));
    }

    [Fact]
    public void Rel03_FinishedPodOnSystemNode_IsNotCounted()
    {
        var result = With(Shop, Legacy).Edit(ReportUiOnSystem, p => p["status"]!["phase"] = "Succeeded").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Rel03_PoolProblemAndPodOnSystemNode_ReportsBoth()
    {
        var result = With(Shop, Legacy)
            .SetCluster("properties.agentPoolProfiles[system].enableAutoScaling", false)
            .SetCluster("properties.agentPoolProfiles[system].count", 1)
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("'system' can run with 1 node(s)", result.Message);
        Assert.Contains("run on system nodes", result.Message);
        Assert.Equal([ReportUiOnSystem], result.ObjectKeys());
    }

    [Fact]
    public void Rel03_WellRunNamespace_Passes()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("0 of 10 user pods (3 system node(s))", result.EvidenceAt("kubernetes.pods.onSystemNodes"));
    }
}
