using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.WorkloadFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>AKS-PERF-07: multi-replica workloads spread their pods and have a PodDisruptionBudget selecting them.</summary>
public class SpreadAndDisruptionRuleTests
{
    private const string Rule = "AKS-PERF-07";

    [Fact]
    public void Perf07_SpreadAndBudgeted_Passes()
    {
        var result = With(Shop).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("4 of 4 multi-replica workloads are spread and covered by a PDB", result.EvidenceAt("kubernetes.workloads.spreadAndBudget"));
    }

    [Fact]
    public void Perf07_NeglectedWorkloads_WarnWithWhatIsMissing()
    {
        var result = With(Shop, Legacy).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["legacy/Deployment/inventory-api", "legacy/Deployment/report-ui"], result.ObjectKeys());
        var inventory = result.ObjectResults.Single(o => o.ObjectKey == "legacy/Deployment/inventory-api");
        Assert.Equal("3 replicas with no topology spread constraint or pod anti-affinity and no PodDisruptionBudget selects its pods.", inventory.Message);
        Assert.Contains(new Evidence("legacy/Deployment/inventory-api: PodDisruptionBudget", null), inventory.Evidence);
    }

    [Fact]
    public void Perf07_BudgetWhoseExpressionExcludesThePods_DoesNotCount()
    {
        var result = With(Shop)
            .Edit("shop/PodDisruptionBudget/redis", p => p["spec"]!["selector"]!["matchExpressions"]![0]!["operator"] = "NotIn")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal(["shop/StatefulSet/redis"], result.ObjectKeys());
        Assert.Contains("no PodDisruptionBudget", result.ObjectResults[0].Message);
    }

    [Fact]
    public void Perf07_BudgetInAnotherNamespace_DoesNotCount()
    {
        var result = With(Shop, Legacy)
            .Edit("shop/PodDisruptionBudget/storefront", p => p["spec"]!["selector"] = new JsonObject())
            .Evaluate(Rule);

        // An empty policy/v1 selector selects every pod, but only in its own namespace.
        Assert.Equal(["legacy/Deployment/inventory-api", "legacy/Deployment/report-ui"], result.ObjectKeys());
    }

    [Fact]
    public void Perf07_NoSpreadButBudgeted_WarnsAboutSpread()
    {
        var result = With(Shop)
            .Edit("shop/Deployment/storefront", d => d["spec"]!["template"]!["spec"]!.AsObject().Remove("topologySpreadConstraints"))
            .Evaluate(Rule);

        Assert.Equal(["shop/Deployment/storefront"], result.ObjectKeys());
        Assert.Equal("3 replicas with no topology spread constraint or pod anti-affinity.", result.ObjectResults[0].Message);
    }

    [Fact]
    public void Perf07_NoMultiReplicaWorkloads_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Kubernetes(Nodes).Evaluate(Rule).Status);
    }

    [Fact]
    public void Perf07_NoKubernetesObjects_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Cluster().Evaluate(Rule).Status);
    }

    [Fact]
    public void Perf07_KubernetesCollectionFailed_Errors()
    {
        Assert.Equal(RuleStatus.Error, Cluster().Problem("kubernetes", "timeout").Evaluate(Rule).Status);
    }
}
