using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-SEC-01: Entra ID and RBAC on; cluster-admin bindings with non-system subjects counted.</summary>
public class ClusterAdminRuleTests
{
    private const string Rule = "AKS-SEC-01";

    [Fact]
    public void ClusterAdmin_ThreeHoldersWithinDefaultLimit_AsksForLeastPrivilegeReview()
    {
        var result = AzureDataCase.For().WithKubernetes().Evaluate(Rule);

        // system:masters is Kubernetes' own; the AKS admin group, the CI service account and Flux's account are not.
        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("3 binding(s)", result.Message);
        Assert.Contains(new Evidence("kubernetes.clusterAdminBindings",
            "3 binding(s) with non-system subjects: aks-cluster-admin-binding-aad → Group 66666666-6666-6666-6666-666666666666; ci-deployer-admin → ServiceAccount ci/deployer; flux-cluster-admin → ServiceAccount flux-system/kustomize-controller"),
            result.Evidence);
        Assert.Empty(result.ObjectResults);
    }

    [Fact]
    public void ClusterAdmin_MoreHoldersThanTheLimit_WarnsPerBinding()
    {
        var result = AzureDataCase.For().WithKubernetes().Evaluate(Rule, AzureDataCase.Settings with { MaxClusterAdminBindings = 2 });

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(
            ["ClusterRoleBinding/aks-cluster-admin-binding-aad", "ClusterRoleBinding/ci-deployer-admin", "ClusterRoleBinding/flux-cluster-admin"],
            result.ObjectResults.Select(o => o.ObjectKey));
        Assert.All(result.ObjectResults, o => Assert.Equal(RuleStatus.Warn, o.Status));
        Assert.Contains(new Evidence("ClusterRoleBinding/ci-deployer-admin: subjects", "ServiceAccount ci/deployer"), result.ObjectResults[1].Evidence);
    }

    [Fact]
    public void ClusterAdmin_NoManagedEntraId_Fails()
    {
        var result = AzureDataCase.For().WithKubernetes().Remove("properties.aadProfile").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.aadProfile.managed", null), result.Evidence);
    }

    [Fact]
    public void ClusterAdmin_RbacOff_FailsWithoutKubernetesData()
    {
        var result = AzureDataCase.For().Set("properties.enableRBAC", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Kubernetes RBAC is not enabled", result.Message);
    }

    [Fact]
    public void ClusterAdmin_NoKubernetesObjects_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("kubernetes", null), result.Evidence);
    }

    [Fact]
    public void ClusterAdmin_KubernetesCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("kubernetes", "Unauthorized: token expired", null).Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("token expired", result.Message);
    }

    [Fact]
    public void ClusterAdmin_BindingsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().WithKubernetes(i => AzureDataCase.Kind(i) != "ClusterRoleBinding").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("ClusterRoleBindings were not collected", result.Message);
    }
}
