using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-03.</summary>
public class SegmentationRuleTests
{
    private const string Ranges = "properties.apiServerAccessProfile.authorizedIPRanges";
    private const string Engine = "properties.networkProfile.networkPolicy";

    [Fact]
    public void Sec03_AllowlistEngineAndPolicyInEveryNamespace_Passes()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.networkPolicies", "2 NetworkPolicy object(s) covering 2 namespace(s); 2 user namespace(s) run workloads"), result.Evidence);
    }

    [Fact]
    public void Sec03_PrivateCluster_Passes()
    {
        var result = Of(Load(BaselinePrivate)).WithKubernetes(Clean).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.apiServerAccessProfile.enablePrivateCluster", "true"), result.Evidence);
    }

    [Fact]
    public void Sec03_PublicNetworkAccessDisabled_CountsAsPrivate()
    {
        var cluster = Load(MostlyCompliant).Remove(Ranges).Set("properties.publicNetworkAccess", "Disabled");

        Assert.Equal(RuleStatus.Pass, Of(cluster).WithKubernetes(Clean).Evaluate("AKS-SEC-03").Status);
    }

    [Fact]
    public void Sec03_NamespacesWithoutNetworkPolicy_WarnPerNamespace()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["Namespace/default", "Namespace/shop"], ObjectKeys(result));
        Assert.All(result.ObjectResults, o => Assert.Equal(RuleStatus.Warn, o.Status));
        Assert.Contains(new Evidence("Namespace/shop: networkPolicies", "0"), Finding(result, "Namespace/shop").Evidence);
    }

    [Fact]
    public void Sec03_PublicWithoutAllowlist_Fails()
    {
        var result = Of(Load(NeglectedDev)).WithKubernetes(Clean).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence(Ranges, null), result.Evidence);
    }

    [Fact]
    public void Sec03_AllowlistOpenToAll_Fails()
    {
        var result = Of(Load(MostlyCompliant).Set(Ranges, new[] { "0.0.0.0/0" })).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("0.0.0.0/0", result.Message);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("antrea")]
    public void Sec03_NoSupportedEngine_WarnsWithoutNeedingKubernetes(string engine)
    {
        var result = Of(Load(MostlyCompliant).Set(Engine, engine)).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence(Engine, $"\"{engine}\""), result.Evidence);
    }

    [Fact]
    public void Sec03_ClusterPartPassesWithoutKubernetes_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.StartsWith("The API server is restricted and the cilium engine is on.", result.Message);
        Assert.Contains(new Evidence("kubernetes", null), result.Evidence);
    }

    [Fact]
    public void Sec03_KubernetesCollectionFailed_Errors()
    {
        var result = Of(Load(MostlyCompliant)).WithProblem("kubernetes", "403 Forbidden listing networkpolicies").Evaluate("AKS-SEC-03");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("403 Forbidden", result.Message);
    }
}
