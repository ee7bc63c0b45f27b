using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.AzureDataSamples;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-COST-03: image sizes from Node.status.images, duplicated audit logs, and the region (manual).</summary>
public class ComponentCostRuleTests
{
    private const string Rule = "AKS-COST-03";

    [Fact]
    public void Cost03_ImageOverTheThreshold_WarnsOnTheWorkload()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        var finding = Assert.Single(result.ObjectResults);
        Assert.Equal("legacy/Deployment/ml-scorer", finding.ObjectKey);
        Assert.Contains("contosolegacy.azurecr.io/ml/scorer:2024.06 (2.4 GiB)", finding.Message);
        Assert.Contains(new Evidence("legacy/Deployment/ml-scorer: containers[scorer].image size", "2576980378"), finding.Evidence);
    }

    [Fact]
    public void Cost03_SmallImagesAndNoDiagnosticData_AsksAboutTheRegion()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("Confirm the region (westeurope)", result.Message);
        Assert.Contains("diagnostic settings were not collected", result.Message);
        Assert.Equal("westeurope", result.EvidenceAt("location"));
    }

    [Fact]
    public void Cost03_ShortImageNames_AreMatchedToTheNodeSpelling()
    {
        // redis runs "redis:7.2.4"; the node reports "docker.io/library/redis:7.2.4".
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal("sizes known for 5 of 5 user container images; 0 workload(s) over 1 GiB", result.EvidenceAt("kubernetes.nodes.images"));
    }

    [Fact]
    public void Cost03_LowerThreshold_FlagsMoreImages()
    {
        var result = With(Shop).Evaluate(Rule, new AssessmentSettings { LargeImageBytes = 150L * 1024 * 1024 });

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["shop/Deployment/storefront"], result.ObjectKeys());
    }

    [Fact]
    public void Cost03_BothAuditCategoriesToOneWorkspace_Warns()
    {
        var settings = List(DiagnosticSetting("aks-control-plane", Workspace, Log("kube-apiserver"), Log("kube-audit"), Log("kube-audit-admin"), Log("guard")));

        var result = With(Shop).Azure("diagnosticSettings", settings).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'log-contoso-weu'", result.Message);
        Assert.Equal("log-contoso-weu", result.EvidenceAt("azure.diagnosticSettings.workspacesWithBothAuditLogs"));
    }

    [Fact]
    public void Cost03_AllLogsGroupToAWorkspace_Warns()
    {
        var settings = List(DiagnosticSetting("everything", Workspace, LogGroup("allLogs")));

        var result = With(Shop).Azure("diagnosticSettings", settings).Azure("diagnosticCategories", AzureDataCase.Data("diagnosticCategories").ToJsonString()).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal("log-contoso-weu", result.EvidenceAt("azure.diagnosticSettings.workspacesWithBothAuditLogs"));
    }

    [Fact]
    public void Cost03_AuditGroupWithoutCategoriesList_IsNotJudgedAsClean()
    {
        var settings = List(DiagnosticSetting("aks-audit", Workspace, LogGroup("audit")));

        var result = With(Shop).Azure("diagnosticSettings", settings).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("whether audit logs are sent twice is unknown", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("audit logs are not sent twice", result.Message, StringComparison.Ordinal);
        Assert.Null(result.EvidenceAt("azure.diagnosticCategories"));
    }

    [Fact]
    public void Cost03_FullAuditToStorageAndAdminAuditToWorkspace_IsNotDuplicated()
    {
        var settings = List(
            DiagnosticSetting("audit-archive", workspaceId: null, Log("kube-audit")),
            DiagnosticSetting("aks-control-plane", Workspace, Log("kube-audit-admin"), Log("kube-audit", enabled: false)));

        var result = With(Shop).Azure("diagnosticSettings", settings).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("audit logs are not sent twice", result.Message);
        Assert.Equal("none", result.EvidenceAt("azure.diagnosticSettings.workspacesWithBothAuditLogs"));
    }

    [Fact]
    public void Cost03_DuplicatedAuditWithoutKubernetes_StillWarns()
    {
        var settings = List(DiagnosticSetting("aks-control-plane", Workspace, Log("kube-audit"), Log("kube-audit-admin")));

        var result = Cluster().Azure("diagnosticSettings", settings).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Cost03_NoNodeObjects_IsNotApplicable()
    {
        var result = Cluster().Kubernetes(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("No Node objects were collected", result.Message);
    }

    [Fact]
    public void Cost03_NoKubernetesObjects_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Evaluate(Rule).Status);
    }

    [Fact]
    public void Cost03_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "the server has asked for the client to provide credentials").Evaluate(Rule).Status);
    }
}
