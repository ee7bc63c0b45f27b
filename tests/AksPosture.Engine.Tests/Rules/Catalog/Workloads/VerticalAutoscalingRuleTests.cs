using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-COST-12: VPA add-on, VPA objects, and requests close to VPA targets.</summary>
public class VerticalAutoscalingRuleTests
{
    private const string Rule = "AKS-COST-12";
    private const string Vpa = "shop/VerticalPodAutoscaler/storefront";

    [Fact]
    public void Cost12_RequestsNearTheRecommendation_Passes()
    {
        // storefront requests 250m / 256Mi; the VPA recommends 203m / 262144k.
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("The VPA add-on is enabled; 1 VPA(s)", result.Message);
        Assert.Equal("true", result.EvidenceAt("properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled"));
        Assert.Equal("1 in user namespaces", result.EvidenceAt("kubernetes.verticalPodAutoscalers"));
    }

    [Fact]
    public void Cost12_RequestFarBelowTheRecommendation_Warns()
    {
        var result = With(Shop)
            .Edit(Vpa, v => v["status"]!["recommendation"]!["containerRecommendations"]![0]!["target"]!["cpu"] = "1")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        var finding = Assert.Single(result.ObjectResults);
        Assert.Equal("shop/Deployment/storefront", finding.ObjectKey);
        Assert.Equal("Container 'storefront' has a request at 0.3× the recommendation for cpu.", finding.Message);
        Assert.Contains(new Evidence("shop/VerticalPodAutoscaler/storefront: target[storefront].cpu", "\"1\""), finding.Evidence);
        Assert.Contains(new Evidence("shop/Deployment/storefront: containers[storefront].resources.requests.cpu", "\"250m\""), finding.Evidence);
    }

    [Fact]
    public void Cost12_AutoModeVpaAndCpuHpaOnOneWorkload_Warns()
    {
        var result = With(Shop).Edit(Vpa, v => v["spec"]!["updatePolicy"]!["updateMode"] = "Auto").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("HorizontalPodAutoscaler 'storefront' also scales on CPU or memory", result.ObjectResults[0].Message);
    }

    [Fact]
    public void Cost12_AutoModeVpaWithoutHpa_Passes()
    {
        var result = With(Shop)
            .Edit(Vpa, v => v["spec"]!["updatePolicy"]!["updateMode"] = "Auto")
            .Remove("shop/HorizontalPodAutoscaler/storefront")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Cost12_UnrecognisedUpdateMode_Warns()
    {
        var result = With(Shop).Edit(Vpa, v => v["spec"]!["updatePolicy"]!["updateMode"] = "Sometimes").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("unrecognised update mode 'Sometimes'", result.ObjectResults[0].Message);
        Assert.Contains(new Evidence("shop/VerticalPodAutoscaler/storefront: spec.updatePolicy.updateMode", "Sometimes"), result.ObjectResults[0].Evidence);
    }

    [Fact]
    public void Cost12_AddOnOnButNoVpaObjects_Warns()
    {
        var result = With(Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal("0 in user namespaces", result.EvidenceAt("kubernetes.verticalPodAutoscalers"));
    }

    [Fact]
    public void Cost12_AddOnOffAndNoVpaObjects_IsNotApplicable()
    {
        var result = With(Legacy).SetCluster("properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("VPA add-on is not enabled", result.Message);
    }

    [Fact]
    public void Cost12_VpaInstalledOutsideTheAddOn_IsJudged()
    {
        var result = With(Shop).SetCluster("properties.workloadAutoScalerProfile.verticalPodAutoscaler.enabled", false).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("outside the add-on", result.Message);
    }

    [Fact]
    public void Cost12_AddOnOnWithoutKubernetes_IsNotApplicable()
    {
        var result = Cluster().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("needs the cluster's Kubernetes objects", result.Message);
    }

    [Fact]
    public void Cost12_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate(Rule).Status);
    }
}
