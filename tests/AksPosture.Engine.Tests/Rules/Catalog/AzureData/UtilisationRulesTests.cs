using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks.MetricsEdits;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>
/// AKS-COST-02 and AKS-COST-07 from the node metrics. In metrics.json the 20 hourly averages run 25–44 % (system CPU),
/// 40–59 % (system memory), 35–54 % (apps CPU) and 50–69 % (apps memory), so the nearest-rank P95 is the 19th value.
/// </summary>
public class UtilisationRulesTests
{
    private const string Cpu = "node_cpu_usage_percentage";
    private const string Memory = "node_memory_working_set_percentage";

    private static AzureDataCase Measured() => AzureDataCase.For().With("metrics");

    [Fact]
    public void BestRates_NoOversizedPool_AsksAboutReservations()
    {
        var result = Measured().Evaluate("AKS-COST-02");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("Spot pool(s) 'armspot'", result.Message);
        Assert.Contains("reservations", result.Message);
        Assert.Contains(new Evidence("azure.metrics[apps].p95", "cpu 53 %, memory 68 % (average per interval)"), result.Evidence);
        Assert.Contains(new Evidence("azure.metrics[system].p95", "cpu 43 %, memory 58 % (average per interval)"), result.Evidence);
    }

    [Fact]
    public void BestRates_PoolIdleOnCpuAndMemory_Warns()
    {
        var result = Measured().Edit("metrics", Flat(Cpu, "apps", 6)).Edit("metrics", Flat(Memory, "apps", 12)).Evaluate("AKS-COST-02");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("pool 'apps' is oversized: P95 CPU 6 % and memory 12 %", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void BestRates_WindowsPoolWithoutHybridBenefit_Warns()
    {
        var result = Measured().Set("properties.agentPoolProfiles[armspot].osType", "Windows").Evaluate("AKS-COST-02");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("Azure Hybrid Benefit", result.Message);
        Assert.Contains(new Evidence("properties.windowsProfile.licenseType", null), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-COST-02")]
    [InlineData("AKS-COST-07")]
    public void Utilisation_MetricsNotCollected_NotApplicable(string ruleId)
    {
        var result = AzureDataCase.For().Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.metrics", null), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-COST-02")]
    [InlineData("AKS-COST-07")]
    public void Utilisation_MetricsCollectionFailed_Error(string ruleId)
    {
        var result = AzureDataCase.For().Failed("metrics", "AuthorizationFailed", "Microsoft.Insights/metrics/read").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
    }

    [Theory]
    [InlineData("AKS-COST-02")]
    [InlineData("AKS-COST-07")]
    public void Utilisation_MetricReportsError_Error(string ruleId)
    {
        var result = Measured().Edit("metrics", Failed(Memory)).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'ResourceNotFound'", result.Message);
        Assert.Contains(new Evidence($"azure.metrics.{Memory}.errorCode", "ResourceNotFound"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-COST-02")]
    [InlineData("AKS-COST-07")]
    public void Utilisation_StoppedCluster_NotApplicable(string ruleId)
    {
        var result = Measured().Set("properties.powerState.code", "Stopped").Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("stopped", result.Message);
    }

    [Fact]
    public void RightSizing_WithinBandsWithoutKubernetes_PassAndSaysPackingWasNotJudged()
    {
        var result = Measured().Evaluate("AKS-COST-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("request packing not judged", result.Message);
        Assert.Contains(new Evidence("kubernetes.requestPacking", null), result.Evidence);
    }

    [Fact]
    public void RightSizing_WithinBandsAndWellPacked_Pass()
    {
        // apps node: requests 4.15 of 7.82 allocatable cores (53.1 %); memory 8230 Mi of 27717 Mi (29.7 %).
        var result = Measured().WithKubernetes().Evaluate("AKS-COST-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.requestPacking[apps]", "53.1 %"), result.Evidence);
    }

    [Fact]
    public void RightSizing_PoorlyPackedPool_Warns()
    {
        // Without the worker and one API replica the apps node requests 1.4 cores of 7.82 (17.9 %).
        var result = Measured()
            .WithKubernetes(i => AzureDataCase.Name(i) is not ("orders-worker-7b6c5d4e3-klmno" or "orders-api-5d8f7c9b6-fghij"))
            .Evaluate("AKS-COST-07");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("fill only 17.9 % of pool 'apps'", result.Message);
    }

    [Fact]
    public void RightSizing_SaturatedPool_Warns()
    {
        var result = Measured().Edit("metrics", Flat(Cpu, "apps", 91)).Evaluate("AKS-COST-07");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("pool 'apps' P95 CPU is 91 %, over 80 %", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RightSizing_IdleSystemPool_Warns()
    {
        var result = Measured().Edit("metrics", Flat(Memory, "system", 11.5)).Evaluate("AKS-COST-07");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("pool 'system' P95 memory is 11.5 %, under 20 %", result.Message, StringComparison.OrdinalIgnoreCase);
    }
}
