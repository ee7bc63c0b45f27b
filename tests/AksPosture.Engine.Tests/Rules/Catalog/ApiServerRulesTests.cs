using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-SEC-10, AKS-SEC-11, AKS-SEC-13, AKS-POL-04 and AKS-POL-08.</summary>
public class ApiServerRulesTests
{
    private const string PrivateCluster = "properties.apiServerAccessProfile.enablePrivateCluster";
    private const string Ranges = "properties.apiServerAccessProfile.authorizedIPRanges";

    [Fact]
    public void Sec10_PrivateCluster_Passes()
    {
        var result = Load(BaselinePrivate).Evaluate("AKS-SEC-10");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence(PrivateCluster, "true"), result.Evidence);
    }

    [Fact]
    public void Sec10_PublicCluster_Warns()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence(PrivateCluster, "false"), result.Evidence);
    }

    [Fact]
    public void Sec10_ProfileAbsent_CountsAsPublicAndWarns()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-SEC-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence(PrivateCluster, null), result.Evidence);
    }

    [Fact]
    public void Sec10_PublicClusterTaggedPrivateApiRequired_Fails()
    {
        var result = Load(MostlyCompliant).Set("tags.private-api-required", "true").Evaluate("AKS-SEC-10");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("tags.private-api-required", "\"true\""), result.Evidence);
    }

    [Fact]
    public void Sec10_PublicClusterDeclaredInContextFile_Fails()
    {
        var settings = AssessmentSettings.Default with
        {
            ContextOverrides = new Dictionary<string, ClusterContextOverride> { ["aks-contoso-prod-weu"] = new() { PrivateApiRequired = true } },
        };

        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-10", settings);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("context.privateApiRequired (context file)", "true"), result.Evidence);
    }

    [Fact]
    public void Sec10_PublicClusterDeclaredNotRequired_Warns()
    {
        Assert.Equal(RuleStatus.Warn, Load(MostlyCompliant).Set("tags.private-api-required", "no").Evaluate("AKS-SEC-10").Status);
    }

    [Fact]
    public void Sec10_PrivateClusterTaggedPrivateApiRequired_Passes()
    {
        Assert.Equal(RuleStatus.Pass, Load(BaselinePrivate).Set("tags.private-api-required", "true").Evaluate("AKS-SEC-10").Status);
    }

    [Theory]
    [InlineData("AKS-SEC-10")]
    [InlineData("AKS-SEC-11")]
    [InlineData("AKS-POL-04")]
    public void PrivateClusterRules_EnablePrivateClusterIsMaybe_Error(string ruleId)
    {
        var result = Load(MostlyCompliant).Set(PrivateCluster, "maybe").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains($"'{PrivateCluster}'", result.Message);
    }

    [Fact]
    public void Sec11_PublicWithAllowlist_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-11");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence(Ranges, """["203.0.113.0/28","198.51.100.17/32"]"""), result.Evidence);
    }

    [Fact]
    public void Sec11_PrivateCluster_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Load(BaselinePrivate).Evaluate("AKS-SEC-11").Status);
    }

    [Fact]
    public void Sec11_PublicWithoutAllowlist_Fails()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-SEC-11");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence(Ranges, null), result.Evidence);
    }

    [Fact]
    public void Sec11_EmptyAllowlist_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(MostlyCompliant).Set(Ranges, Array.Empty<string>()).Evaluate("AKS-SEC-11").Status);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    public void Sec11_AllowlistOpenToAll_Fails(string range)
    {
        var result = Load(MostlyCompliant).Set(Ranges, new[] { "203.0.113.0/28", range }).Evaluate("AKS-SEC-11");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Sec11_AzCliSpellingAuthorizedIpRanges_IsRead()
    {
        var result = Load(NeglectedDev).Set("apiServerAccessProfile", new { authorizedIpRanges = new[] { "203.0.113.0/28" } }).Evaluate("AKS-SEC-11");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Sec11_AllowlistIsText_Errors()
    {
        var result = Load(MostlyCompliant).Set(Ranges, "203.0.113.0/28").Evaluate("AKS-SEC-11");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains($"'{Ranges}'", result.Message);
    }

    [Theory]
    [InlineData("cilium")]
    [InlineData("Calico")]
    [InlineData("azure")]
    public void Sec13_PolicyEngine_Passes(string engine)
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.networkPolicy", engine).Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.networkPolicy", $"\"{engine}\""), result.Evidence);
    }

    [Fact]
    public void Sec13_PolicyAbsent_CountsAsNoneAndFails()
    {
        var result = Load(MostlyCompliant).Remove("properties.networkProfile.networkPolicy").Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.networkProfile.networkPolicy", null), result.Evidence);
    }

    [Fact]
    public void Sec13_PolicyNone_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(MostlyCompliant).Set("properties.networkProfile.networkPolicy", "none").Evaluate("AKS-SEC-13").Status);
    }

    [Fact]
    public void Sec13_AzCliNullPolicy_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(NeglectedDev).Evaluate("AKS-SEC-13").Status);
    }

    [Fact]
    public void Sec13_UnknownEngine_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.networkProfile.networkPolicy", "antrea").Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'antrea'", result.Message);
    }

    [Fact]
    public void Sec13_EngineAndPolicyInEveryNamespaceWithWorkloads_Passes()
    {
        var result = SnapshotBundleFixture.Of(Load(MostlyCompliant)).WithKubernetes(SnapshotBundleFixture.Clean).Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Empty(result.ObjectResults);
        Assert.Contains("every user namespace that runs workloads has a NetworkPolicy", result.Message);
        Assert.Contains(new Evidence("kubernetes.networkPolicies", "2 NetworkPolicy object(s) covering 2 namespace(s); 2 user namespace(s) run workloads"), result.Evidence);
    }

    [Fact]
    public void Sec13_NamespacesWithoutNetworkPolicy_WarnListingEachNamespace()
    {
        var result = SnapshotBundleFixture.Of(Load(MostlyCompliant)).WithKubernetes(SnapshotBundleFixture.Violations).Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal("The cilium network policy engine is enabled, but 2 user namespace(s) have no NetworkPolicy: 'default', 'shop'.", result.Message);
        Assert.Equal(["Namespace/default", "Namespace/shop"], result.ObjectResults.Select(o => o.ObjectKey));
        Assert.All(result.ObjectResults, o => Assert.Equal(RuleStatus.Warn, o.Status));
    }

    [Fact]
    public void Sec13_NoEngineWithKubernetes_StillFailsAtClusterLevel()
    {
        var cluster = Load(MostlyCompliant).Set("properties.networkProfile.networkPolicy", "none");

        var result = SnapshotBundleFixture.Of(cluster).WithKubernetes(SnapshotBundleFixture.Violations).Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Empty(result.ObjectResults);
    }

    [Fact]
    public void Sec13_EngineWithoutKubernetes_KeepsThePassOnTheEngine()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-13");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("judged from Kubernetes objects when they are collected", result.Message);
        Assert.Contains(new Evidence("kubernetes", null), result.Evidence);
    }

    [Fact]
    public void Pol04_PublicWithAllowlist_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-POL-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence(Ranges, """["203.0.113.0/28","198.51.100.17/32"]"""), result.Evidence);
    }

    [Fact]
    public void Pol04_PrivateWithoutAllowlist_Passes()
    {
        var result = Load(BaselinePrivate).Evaluate("AKS-POL-04");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence(PrivateCluster, "true"), result.Evidence);
    }

    [Fact]
    public void Pol04_PublicWithoutAllowlist_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(NeglectedDev).Evaluate("AKS-POL-04").Status);
    }

    [Fact]
    public void Pol04_AllowlistOpenToAll_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(MostlyCompliant).Set(Ranges, new[] { "0.0.0.0/0" }).Evaluate("AKS-POL-04").Status);
    }

    [Fact]
    public void Pol08_RunCommandDisabled_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-POL-08");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.apiServerAccessProfile.disableRunCommand", "true"), result.Evidence);
    }

    [Fact]
    public void Pol08_DisableRunCommandAbsent_CountsAsFalseAndFails()
    {
        var result = Load(MostlyCompliant).Remove("properties.apiServerAccessProfile.disableRunCommand").Evaluate("AKS-POL-08");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.apiServerAccessProfile.disableRunCommand", null), result.Evidence);
    }

    [Fact]
    public void Pol08_RunCommandEnabled_Fails()
    {
        Assert.Equal(RuleStatus.Fail, Load(MostlyCompliant).Set("properties.apiServerAccessProfile.disableRunCommand", false).Evaluate("AKS-POL-08").Status);
    }

    [Fact]
    public void Pol08_DisableRunCommandIsYes_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.apiServerAccessProfile.disableRunCommand", "yes").Evaluate("AKS-POL-08");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("disableRunCommand", result.Message);
    }
}
