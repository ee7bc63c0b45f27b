using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-REL-11: system pool size (from the Compute SKU list or the size name) and isolation taint.</summary>
public class SystemPoolSizeRuleTests
{
    private const string Rule = "AKS-REL-11";
    private const string VmSize = "properties.agentPoolProfiles[system].vmSize";

    [Fact]
    public void SystemPool_FourVCpusSixteenGbTainted_Pass()
    {
        var result = AzureDataCase.For().With("vmSkus").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("vmSize[Standard_D4ds_v5].vCPUs", "4"), result.Evidence);
        Assert.Contains(new Evidence("vmSize[Standard_D4ds_v5].MemoryGB", "16"), result.Evidence);
    }

    [Fact]
    public void SystemPool_WithoutSkuList_DerivesVCpusButCannotConfirmMemory()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("memory of Standard_D4ds_v5", result.Message);
        Assert.Contains(new Evidence("vmSize[Standard_D4ds_v5].vCPUs", "4 (derived from the size name; no Compute SKU entry)"), result.Evidence);
        Assert.Contains(new Evidence("vmSize[Standard_D4ds_v5].MemoryGB", null), result.Evidence);
    }

    [Fact]
    public void SystemPool_SkuListCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("vmSkus", "AuthorizationFailed", "Microsoft.Compute/skus/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Compute/skus/read", result.Message);
    }

    [Fact]
    public void SystemPool_TwoVCpus_Warns()
    {
        var result = AzureDataCase.For().With("vmSkus").Set(VmSize, "Standard_D2ds_v5").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("2 vCPUs (Standard_D2ds_v5); 4 are recommended", result.Message);
    }

    [Fact]
    public void SystemPool_TwoVCpusFromNameOnly_WarnsAndSaysMemoryIsUnknown()
    {
        var result = AzureDataCase.For().Set(VmSize, "Standard_D2ds_v5").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("memory of Standard_D2ds_v5", result.Message);
        Assert.Contains(new Evidence("vmSize[Standard_D2ds_v5].vCPUs", "2 (derived from the size name; no Compute SKU entry)"), result.Evidence);
    }

    [Fact]
    public void SystemPool_ConstrainedVCpuSize_CountsActiveVCpus()
    {
        var result = AzureDataCase.For().With("vmSkus").Set(VmSize, "Standard_E4-2ds_v5").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("vmSize[Standard_E4-2ds_v5].vCPUs", "2"), result.Evidence);
    }

    [Theory]
    [InlineData("Standard_B4ms")]
    [InlineData("Standard_B2als_v2")]
    public void SystemPool_BurstableSize_FailsFromTheNameAlone(string size)
    {
        var result = AzureDataCase.For().Set(VmSize, size).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("burstable", result.Message);
        Assert.Contains(new Evidence(VmSize, $"\"{size}\""), result.Evidence);
    }

    [Fact]
    public void SystemPool_OneVCpuTwoGb_Fails()
    {
        var result = AzureDataCase.For().With("vmSkus").Set(VmSize, "Standard_A1_v2").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("1 vCPU", result.Message);
        Assert.Contains("2 GB of memory", result.Message);
    }

    [Fact]
    public void SystemPool_Untainted_Warns()
    {
        var result = AzureDataCase.For().With("vmSkus").Remove("properties.agentPoolProfiles[system].nodeTaints").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("not tainted CriticalAddonsOnly=true:NoSchedule", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].nodeTaints", null), result.Evidence);
    }

    [Fact]
    public void SystemPool_NoSystemPool_NotApplicable()
    {
        var result = AzureDataCase.For().With("vmSkus").Set("properties.agentPoolProfiles[system].mode", "User").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void SystemPool_SizeMissingFromSkuList_NotApplicable()
    {
        var result = AzureDataCase.For().With("vmSkus").Set(VmSize, "Standard_D16ds_v5").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("vmSize[Standard_D16ds_v5].vCPUs", "16 (derived from the size name; no Compute SKU entry)"), result.Evidence);
    }

    [Fact]
    public void SystemPool_CapabilityNotANumber_Error()
    {
        var result = AzureDataCase.For().With("vmSkus")
            .Edit("vmSkus", d => d["value"]![0]!["capabilities"]![5]!["value"] = "sixteen")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
