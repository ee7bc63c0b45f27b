using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Fixtures;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-COST-08: an Arm64 user pool, with user pods on it; compatibility itself is a person's call.</summary>
public class Arm64RuleTests
{
    private const string Rule = "AKS-COST-08";

    [Fact]
    public void Cost08_ArmPoolRunningUserPods_Passes()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("armspot", result.EvidenceAt("pools.arm64User"));
        Assert.Equal("2", result.EvidenceAt("kubernetes.pods.onArm64Nodes"));
    }

    [Fact]
    public void Cost08_ArmPoolFromTheSizeAlone_PassesWithoutKubernetes()
    {
        var result = Cluster().Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("\"Standard_D4ps_v5\"", result.EvidenceAt("properties.agentPoolProfiles[armspot].vmSize"));
    }

    [Fact]
    public void Cost08_ArmPoolWithoutUserPods_AsksAboutCompatibility()
    {
        var result = With(Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("no user pod runs on Arm64 nodes", result.Message);
        Assert.Equal("0", result.EvidenceAt("kubernetes.pods.onArm64Nodes"));
    }

    [Fact]
    public void Cost08_NoArmPool_Warns()
    {
        var result = With(Shop).RemoveCluster("properties.agentPoolProfiles[armspot]").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("apps=Standard_D8ds_v5", result.Message);
        Assert.Equal("none", result.EvidenceAt("pools.arm64User"));
    }

    [Fact]
    public void Cost08_NodeArchitectureReportsArm64_CountsThePool()
    {
        // A size name the parser cannot place; the node's own report decides.
        var result = With(Shop).SetCluster("properties.agentPoolProfiles[armspot].vmSize", "Custom_Arm").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Cost08_NoUserPool_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster(ClusterFixture.NeglectedDev).Evaluate(Rule).Status);
    }

    [Fact]
    public void Cost08_PoolsNotAnArray_Errors()
    {
        var result = Cluster().SetCluster("properties.agentPoolProfiles", "apps").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.agentPoolProfiles'", result.Message);
    }
}
