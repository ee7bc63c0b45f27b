using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>The GitOps check, reported as AKS-OPS-02 and AKS-POL-05.</summary>
public class GitOpsRulesTests
{
    private static AzureDataCase Flux() => AzureDataCase.For().With("extensions", "fluxConfigurations");

    private static AzureDataCase WithoutFluxExtension() => AzureDataCase.For().With("extensions").Edit("extensions", d => d["value"]!.AsArray().RemoveAt(0));

    private static bool NotFlux(JsonObject item) =>
        AzureDataCase.Kind(item) is not ("CustomResourceDefinition" or "Deployment" or "ClusterRoleBinding");

    [Theory]
    [InlineData("AKS-OPS-02")]
    [InlineData("AKS-POL-05")]
    public void GitOps_FluxExtensionWithCompliantConfiguration_Pass(string ruleId)
    {
        var result = Flux().Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("gitops", result.CheckId);
        Assert.Contains(new Evidence("azure.fluxConfigurations.complianceState", "cluster-config: Compliant"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-OPS-02")]
    [InlineData("AKS-POL-05")]
    public void GitOps_ConfigurationNotConverged_Warns(string ruleId)
    {
        var result = Flux().Edit("fluxConfigurations", d => d["value"]![0]!["properties"]!["complianceState"] = "Non-Compliant").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'cluster-config' is Non-Compliant", result.Message);
    }

    [Fact]
    public void GitOps_ExtensionWithoutConfiguration_Warns()
    {
        var result = Flux().With("fluxConfigurations", JsonNode.Parse("""{ "value": [] }""")).Evaluate("AKS-OPS-02");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no Flux configuration", result.Message);
    }

    [Fact]
    public void GitOps_NoFluxExtensionAndNoAgentInCluster_Warns()
    {
        var result = WithoutFluxExtension().WithKubernetes(NotFlux).Evaluate("AKS-OPS-02");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("kubernetes.gitOpsAgents", "none"), result.Evidence);
    }

    [Fact]
    public void GitOps_NoFluxExtensionKubernetesNotCollected_WarnsAndSaysSo()
    {
        var result = WithoutFluxExtension().Evaluate("AKS-POL-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("were not checked", result.Message);
    }

    [Fact]
    public void GitOps_SelfManagedFluxInCluster_Pass()
    {
        var result = WithoutFluxExtension().WithKubernetes().Evaluate("AKS-OPS-02");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.gitOpsAgents", "kustomizations.kustomize.toolkit.fluxcd.io, flux-system/Deployment/kustomize-controller"), result.Evidence);
    }

    [Fact]
    public void GitOps_FluxExtensionButConfigurationsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().With("extensions").Evaluate("AKS-OPS-02");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'fluxConfigurations' was not collected", result.Message);
    }

    [Theory]
    [InlineData("AKS-OPS-02")]
    [InlineData("AKS-POL-05")]
    public void GitOps_NothingCollected_NotApplicable(string ruleId)
    {
        Assert.Equal(RuleStatus.NotApplicable, AzureDataCase.For().Evaluate(ruleId).Status);
    }

    [Fact]
    public void GitOps_ExtensionsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("extensions", "AuthorizationFailed", "Microsoft.KubernetesConfiguration/extensions/read").Evaluate("AKS-POL-05");

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
