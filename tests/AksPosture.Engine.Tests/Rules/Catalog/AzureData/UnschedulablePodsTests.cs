using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks.MetricsEdits;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-PERF-05's metric part; the shared node-autoscaling verdict stays as NodeAutoscalingTests describe it.</summary>
public class UnschedulablePodsTests
{
    private const string Rule = "AKS-PERF-05";
    private const string Metric = "cluster_autoscaler_unschedulable_pods_count";

    [Fact]
    public void Perf05_OccasionalUnschedulablePods_Pass()
    {
        var result = AzureDataCase.For().With("metrics").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("node-autoscaling", result.CheckId);
        Assert.Contains("2 of 20 intervals", result.Message);
        Assert.Contains(new Evidence($"azure.metrics.{Metric}.intervalsAboveZero", "2 of 20"), result.Evidence);
    }

    [Fact]
    public void Perf05_PersistentUnschedulablePods_Warns()
    {
        var result = AzureDataCase.For().With("metrics").Edit("metrics", Flat(Metric, null, 3)).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("20 of 20 intervals (up to 3)", result.Message);
    }

    [Fact]
    public void Perf05_FixedUserPool_KeepsTheSharedFail()
    {
        var cluster = AzureDataCase.For().With("metrics").Edit("metrics", Flat(Metric, null, 3))
            .Set("properties.agentPoolProfiles[apps].enableAutoScaling", false);

        var result = cluster.Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(cluster.Evaluate("AKS-COST-09").Message, result.Message);
    }

    [Fact]
    public void Perf05_MetricsNotCollected_KeepsTheSharedPass()
    {
        var cluster = AzureDataCase.For();

        var result = cluster.Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal(cluster.Evaluate("AKS-PERF-06").Message, result.Message);
    }

    [Fact]
    public void Perf05_MetricReportsError_KeepsTheSharedPass()
    {
        var result = AzureDataCase.For().With("metrics").Edit("metrics", Failed(Metric)).Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence($"azure.metrics.{Metric}.errorCode", "ResourceNotFound"), result.Evidence);
    }
}
