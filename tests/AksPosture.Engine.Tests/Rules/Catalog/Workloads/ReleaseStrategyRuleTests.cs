using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-OPS-06: stamp-level blue-green for mission-critical workloads (attestation with evidence).</summary>
public class ReleaseStrategyRuleTests
{
    private const string Rule = "AKS-OPS-06";

    private const string Rollout = """
        {
          "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout",
          "metadata": { "name": "storefront", "namespace": "shop" },
          "spec": { "replicas": 3, "workloadRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "storefront", "scaleDown": "progressively" },
                    "strategy": { "canary": { "steps": [ { "setWeight": 20 }, { "pause": { "duration": "10m" } }, { "setWeight": 50 } ] } } }
        }
        """;

    private const string FlaggerCrd = """
        { "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
          "metadata": { "name": "canaries.flagger.app" },
          "spec": { "group": "flagger.app", "names": { "kind": "Canary", "plural": "canaries" }, "scope": "Namespaced", "versions": [ { "name": "v1beta1", "served": true, "storage": true } ] } }
        """;

    [Fact]
    public void Ops06_CriticalityNotDeclared_AsksToDeclareIt()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("Criticality is not declared", result.Message);
        Assert.Equal("0 object(s); CRD rollouts.argoproj.io not seen", result.EvidenceAt("kubernetes.Rollout"));
    }

    [Fact]
    public void Ops06_NotMissionCritical_IsNotApplicable()
    {
        var result = With(Shop).SetCluster("tags.criticality", "low").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Equal("\"low\"", result.EvidenceAt("tags.criticality"));
    }

    [Fact]
    public void Ops06_MissionCriticalWithRolloutsAndIstio_ShowsTheEvidence()
    {
        var result = With(Shop)
            .SetCluster("tags.criticality", "mission-critical")
            .SetCluster("properties.serviceMeshProfile.mode", "Istio")
            .Add(Rollout)
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.StartsWith("Mission-critical workload.", result.Message);
        Assert.Contains("the Istio service mesh add-on is on", result.Message);
        Assert.Contains("Argo Rollouts manages 1 workload(s) ('shop/Rollout/storefront')", result.Message);
    }

    [Fact]
    public void Ops06_FlaggerInstalledButUnused_IsMentioned()
    {
        var result = With(Shop).SetCluster("tags.criticality", "high").Add(FlaggerCrd).Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("Flagger is installed (canaries.flagger.app) but no Canary objects exist", result.Message);
    }

    [Fact]
    public void Ops06_WithoutKubernetes_StillAsks()
    {
        var result = Cluster().SetCluster("tags.criticality", "high").Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("No progressive-delivery tooling was found", result.Message);
    }

    [Fact]
    public void Ops06_MeshModeNotText_Errors()
    {
        var result = Cluster().SetCluster("properties.serviceMeshProfile.mode", new { istio = true }).Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.serviceMeshProfile.mode'", result.Message);
    }
}
