using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.AzureDataSamples;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-REL-10 and AKS-POL-14: requests and limits, the Azure Policy add-on and the limits policy ("resource-limits").</summary>
public class ResourceLimitsTests
{
    private const string Limits = "e345eecc-fa47-480f-9e88-67dcc122b164";
    private static readonly string Assigned = List(PolicyAssignment("aks-container-limits", Limits, Subscription));

    [Theory]
    [InlineData("AKS-REL-10")]
    [InlineData("AKS-POL-14")]
    public void Limits_AddOnAssignmentAndFullCoverage_Passes(string rule)
    {
        var result = With(Shop).Azure("policyAssignments", Assigned).Evaluate(rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("resource-limits", result.CheckId);
        Assert.Equal("aks-container-limits", result.EvidenceAt($"azure.policyAssignments.assigning[{Limits}]"));
        Assert.Equal("5 of 5 user containers (100 %) set CPU and memory requests and limits", result.EvidenceAt("kubernetes.containers.resources"));
    }

    [Theory]
    [InlineData("AKS-REL-10")]
    [InlineData("AKS-POL-14")]
    public void Limits_AzurePolicyAddOnOff_FailsEvenWithoutPolicyData(string rule)
    {
        var result = With(Shop).SetCluster("properties.addonProfiles.azurepolicy.enabled", false).Evaluate(rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Azure Policy add-on is off", result.Message);
        Assert.Equal("false", result.EvidenceAt("properties.addonProfiles.azurepolicy.enabled"));
    }

    [Fact]
    public void Rel10_OnlyOtherPoliciesAssigned_Fails()
    {
        var other = List(PolicyAssignment("pod-security-baseline", "a8640138-9b0a-4a28-b8cb-1666c838647d", Subscription));

        var result = With(Shop).Azure("policyAssignments", other).Evaluate("AKS-REL-10");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(Limits, result.Message);
        Assert.Equal("none", result.EvidenceAt($"azure.policyAssignments.assigning[{Limits}]"));
    }

    [Fact]
    public void Rel10_AssignmentExcludingTheClusterResourceGroup_Fails()
    {
        var excluded = List(PolicyAssignment("aks-container-limits", Limits, Subscription, Subscription + "/resourceGroups/rg-contoso-aks-prod"));

        Assert.Equal(RuleStatus.Fail, With(Shop).Azure("policyAssignments", excluded).Evaluate("AKS-REL-10").Status);
    }

    [Fact]
    public void Rel10_AssignmentAtAManagementGroup_Counts()
    {
        var managementGroup = List(PolicyAssignment("mg-container-limits", Limits, "/providers/Microsoft.Management/managementGroups/contoso-platform"));

        Assert.Equal(RuleStatus.Pass, With(Shop).Azure("policyAssignments", managementGroup).Evaluate("AKS-REL-10").Status);
    }

    [Fact]
    public void Rel10_ContainersWithoutRequestsOrLimits_WarnsPerWorkload()
    {
        var result = With(Shop, Legacy).Azure("policyAssignments", Assigned).Evaluate("AKS-REL-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("7 of 11 user containers (63.6 %)", result.Message);
        Assert.Equal(["legacy/CronJob/nightly-export", "legacy/Deployment/inventory-api", "legacy/Deployment/report-ui", "legacy/Pod/debug-shell"], result.ObjectKeys());
        var reportUi = Assert.Single(result.ObjectResults, o => o.ObjectKey == "legacy/Deployment/report-ui");
        Assert.Equal("Container 'report-ui' lacks resources.limits.cpu, resources.limits.memory.", reportUi.Message);
        Assert.Contains(new Evidence("legacy/Deployment/report-ui: containers[report-ui].resources.limits.cpu", null), reportUi.Evidence);
    }

    [Fact]
    public void Rel10_InitContainerWithoutResources_Counts()
    {
        var result = With(Shop)
            .Azure("policyAssignments", Assigned)
            .Edit("shop/Deployment/storefront", d => d["spec"]!["template"]!["spec"]!["initContainers"]![0]!["resources"] = new JsonObject())
            .Evaluate("AKS-REL-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["shop/Deployment/storefront"], result.ObjectKeys());
        Assert.Contains("'wait-for-redis'", result.ObjectResults[0].Message);
    }

    [Fact]
    public void Rel10_CoverageAtAConfiguredThreshold_Passes()
    {
        var result = With(Shop, Legacy).Azure("policyAssignments", Assigned).Evaluate("AKS-REL-10", new AssessmentSettings { CoverageThreshold = 0.6 });

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal(4, result.ObjectResults.Count);
    }

    [Theory]
    [InlineData("AKS-REL-10")]
    [InlineData("AKS-POL-14")]
    public void Limits_PolicyAssignmentsNotCollected_IsNotApplicable(string rule)
    {
        var result = With(Shop).Evaluate(rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'policyAssignments' was not collected", result.Message);
    }

    [Fact]
    public void Rel10_PolicyAssignmentsNotCollectedButCoverageLow_StillWarns()
    {
        var result = With(Shop, Legacy).Evaluate("AKS-REL-10");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'policyAssignments' was not collected", result.Message);
    }

    [Theory]
    [InlineData("AKS-REL-10")]
    [InlineData("AKS-POL-14")]
    public void Limits_PolicyAssignmentsDenied_Errors(string rule)
    {
        var result = With(Shop).Problem("policyAssignments", "403 AuthorizationFailed", "Microsoft.Authorization/policyAssignments/read").Evaluate(rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Authorization/policyAssignments/read", result.Message);
    }

    [Fact]
    public void Rel10_NoKubernetesObjects_IsNotApplicable()
    {
        var result = Cluster().Azure("policyAssignments", Assigned).Evaluate("AKS-REL-10");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("requests and limits check needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Pol14_SameDataAsRel10_SameVerdict()
    {
        var fixture = With(Shop, Legacy).Azure("policyAssignments", Assigned);

        var rel10 = fixture.Evaluate("AKS-REL-10");
        var pol14 = fixture.Evaluate("AKS-POL-14");

        Assert.Equal(rel10.Status, pol14.Status);
        Assert.Equal(rel10.Message, pol14.Message);
        Assert.Equal(rel10.ObjectKeys(), pol14.ObjectKeys());
        Assert.Equal(Pillar.Reliability, pol14.Pillar);
    }
}
