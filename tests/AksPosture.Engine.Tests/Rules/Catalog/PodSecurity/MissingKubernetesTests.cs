using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>Missing Kubernetes objects are never PASS or FAIL: NA when not collected, ERROR when collection failed.</summary>
public class MissingKubernetesTests
{
    public static TheoryData<string> WorkloadRules =>
    [
        "AKS-SEC-04", "AKS-SEC-05", "AKS-SEC-09", "AKS-SEC-15", "AKS-POL-09", "AKS-POL-10", "AKS-POL-11", "AKS-POL-12", "AKS-POL-13",
    ];

    [Theory]
    [MemberData(nameof(WorkloadRules))]
    public void WorkloadRule_KubernetesNotCollected_IsNotApplicable(string ruleId)
    {
        var result = Load(MostlyCompliant).Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("kubernetes", null), result.Evidence);
    }

    [Theory]
    [MemberData(nameof(WorkloadRules))]
    public void WorkloadRule_KubernetesCollectionFailed_Errors(string ruleId)
    {
        var result = Of(Load(MostlyCompliant)).WithProblem("kubernetes", "Unauthorized: the kubeconfig token expired").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("the kubeconfig token expired", result.Message);
    }

    [Theory]
    [MemberData(nameof(WorkloadRules))]
    public void WorkloadRule_ClusterStopped_SaysSo(string ruleId)
    {
        var result = Load(MostlyCompliant).Set("properties.powerState.code", "Stopped").Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("stopped", result.Message);
    }
}
