using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-POL-01: readiness and liveness probes on user containers (the "probes" check shared with AKS-REL-02).</summary>
public class ProbeCoverageTests
{
    private const string Probes = "AKS-POL-01";

    [Fact]
    public void Pol01_EveryContainerProbed_Passes()
    {
        var result = With(Shop).Evaluate(Probes);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("4 of 4 user containers (100 %) have readiness and liveness probes", result.EvidenceAt("kubernetes.containers"));
    }

    [Fact]
    public void Pol01_ContainersWithoutProbes_WarnsPerWorkloadWithContainerEvidence()
    {
        var result = With(Shop, Legacy).Evaluate(Probes);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(6, result.ObjectResults.Count);
        var reportUi = Assert.Single(result.ObjectResults, o => o.ObjectKey == "legacy/Deployment/report-ui");
        Assert.Equal(RuleStatus.Warn, reportUi.Status);
        Assert.Equal("Container 'report-ui' lacks livenessProbe.", reportUi.Message);
        Assert.Contains(new Evidence("legacy/Deployment/report-ui: containers[report-ui].livenessProbe", null), reportUi.Evidence);
    }

    [Fact]
    public void Pol01_CoverageAtAConfiguredThreshold_Passes()
    {
        var result = With(Shop, Legacy).Evaluate(Probes, new AssessmentSettings { CoverageThreshold = 0.4 });

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal(6, result.ObjectResults.Count);
    }

    [Fact]
    public void Pol01_InitContainerWithoutProbes_IsNotCounted()
    {
        // storefront's init container wait-for-redis has no probes; Kubernetes does not allow them there.
        var result = With(Shop).Evaluate(Probes);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.StartsWith("4 of 4 ", result.EvidenceAt("kubernetes.containers"));
    }

    [Fact]
    public void Pol01_NoUserContainers_IsNotApplicable()
    {
        var result = Cluster().Kubernetes(Nodes).Evaluate(Probes);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Equal("0 of 0 user containers (n/a) have readiness and liveness probes", result.EvidenceAt("kubernetes.containers"));
    }

    [Fact]
    public void Pol01_NoKubernetesObjects_IsNotApplicable()
    {
        var result = Cluster().Evaluate(Probes);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Null(result.EvidenceAt("kubernetes"));
    }

    [Fact]
    public void Pol01_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "connection refused").Evaluate(Probes).Status);
    }
}
