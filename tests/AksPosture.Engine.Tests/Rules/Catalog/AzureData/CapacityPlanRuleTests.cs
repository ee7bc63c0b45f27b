using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks.MetricsEdits;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>
/// AKS-PERF-01: node-count, peak-use and address headroom. Peaks are P95 of the interval maxima: system CPU 53 %,
/// memory 63 %; apps CPU 68 %, memory 76 % in metrics.json.
/// </summary>
public class CapacityPlanRuleTests
{
    private const string Rule = "AKS-PERF-01";

    private static AzureDataCase Measured() => AzureDataCase.For().With("metrics");

    [Fact]
    public void Capacity_HeadroomEverywhere_AsksForThePlan()
    {
        var result = Measured().Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("capacity plan", result.Message);
        Assert.Contains(new Evidence("azure.metrics[apps].p95", "cpu 68 %, memory 76 % (maximum per interval)"), result.Evidence);
    }

    [Fact]
    public void Capacity_PoolNearItsMaximum_Warns()
    {
        var result = Measured().Set("properties.agentPoolProfiles[apps].count", 11).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("pool 'apps' runs 11 of at most 12 nodes", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Capacity_PeakAboveEightyPercent_Warns()
    {
        var result = Measured().Edit("metrics", Flat("node_memory_working_set_percentage", "apps", 70, 92)).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("peaks at 92 %", result.Message);
    }

    [Fact]
    public void Capacity_SubnetWithLittleRoomAtFullScale_Warns()
    {
        // 3774 addresses needed at full scale of a /20 (4091 usable): 7.7 % stays free.
        var result = Measured().Remove("properties.networkProfile.networkPluginMode").With("subnets")
            .Edit("subnets", d => d[0]!["properties"]!["addressPrefix"] = "10.240.0.0/20")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("subnet 'snet-aks-nodes' keeps 7.7 % of its addresses free", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Capacity_MetricsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.metrics", null), result.Evidence);
    }

    [Fact]
    public void Capacity_MetricsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("metrics", "AuthorizationFailed", "Microsoft.Insights/metrics/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
