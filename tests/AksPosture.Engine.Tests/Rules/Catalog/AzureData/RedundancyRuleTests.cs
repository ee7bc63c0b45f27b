using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-REL-01: zones (as AKS-REL-09), node subnet capacity, and multi-region for critical workloads.</summary>
public class RedundancyRuleTests
{
    private const string Rule = "AKS-REL-01";
    private const string PluginMode = "properties.networkProfile.networkPluginMode";
    private const string Prefix = "addressPrefix";

    private static AzureDataCase Critical() => AzureDataCase.For().Set("tags.criticality", "high");

    [Fact]
    public void Redundancy_ZonalOverlayClusterNotDeclaredCritical_Pass()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("availability-zones", result.CheckId);
        Assert.Contains("criticality is not declared", result.Message);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].availabilityZones", "[\"1\",\"2\",\"3\"]"), result.Evidence);
    }

    [Fact]
    public void Redundancy_PoolWithoutZones_FailsLikeRel09()
    {
        var cluster = AzureDataCase.For().Set("properties.agentPoolProfiles[apps].availabilityZones", Array.Empty<string>());

        var result = cluster.Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(RuleStatus.Fail, cluster.Evaluate("AKS-REL-09").Status);
        Assert.Contains("apps", result.Message);
    }

    [Fact]
    public void Redundancy_PoolInTwoZones_Warns()
    {
        var result = AzureDataCase.For().Set("properties.agentPoolProfiles[apps].availabilityZones", new[] { "1", "2" }).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("two zones", result.Message);
    }

    [Fact]
    public void Redundancy_RegionWithoutZonesAndOverlay_NotApplicable()
    {
        var result = AzureDataCase.For().Set("location", "westus").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("location", "\"westus\""), result.Evidence);
    }

    [Fact]
    public void Redundancy_NodeSubnetCniWithRoomForFullScale_Pass()
    {
        var result = AzureDataCase.For().Remove(PluginMode).With("subnets").Evaluate(Rule);

        // (5+2)·111 + (12+4)·111 + (10+1)·111 = 3774 addresses; a /19 has 8192 − 5 = 8187.
        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("node subnets hold the pools at full scale", result.Message);
        Assert.Contains(new Evidence("azure.subnets[snet-aks-nodes]", "3774 address(es) needed at full scale, 8187 usable"), result.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[system].upgradeSettings.maxSurge", "\"33%\""), result.Evidence);
    }

    [Fact]
    public void Redundancy_NodeSubnetTooSmallForFullScale_Fails()
    {
        var result = AzureDataCase.For().Remove(PluginMode).With("subnets")
            .Edit("subnets", d => d[0]!["properties"]![Prefix] = "10.240.0.0/22")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("1019 usable addresses", result.Message);
        Assert.Contains("need 3774", result.Message);
    }

    [Fact]
    public void Redundancy_NodeSubnetCniWithoutSubnetData_NotApplicable()
    {
        var result = AzureDataCase.For().Remove(PluginMode).Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.subnets", null), result.Evidence);
    }

    [Fact]
    public void Redundancy_SubnetCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Remove(PluginMode).Failed("subnets", "AuthorizationFailed", "Microsoft.Network/virtualNetworks/subnets/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Network/virtualNetworks/subnets/read", result.Message);
    }

    [Fact]
    public void Redundancy_CriticalWithSiblingRegionAndFrontDoor_AsksForFailoverIpPlan()
    {
        var result = Critical().With("workloadSiblings", "globalRouting").Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("failover", result.Message);
        Assert.Contains(new Evidence("azure.workloadSiblings.regions", "northeurope"), result.Evidence);
        Assert.Contains(new Evidence("azure.globalRouting.routers", "afd-contoso-orders, weu"), result.Evidence);
    }

    [Fact]
    public void Redundancy_CriticalInOneRegion_Fails()
    {
        var result = Critical().With("workloadSiblings", "globalRouting")
            .Edit("workloadSiblings", d => d["data"]![1]!["location"] = "westeurope")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("runs in westeurope only", result.Message);
    }

    [Fact]
    public void Redundancy_CriticalWithoutGlobalRouter_Fails()
    {
        var result = Critical().With("workloadSiblings").With("globalRouting", new System.Text.Json.Nodes.JsonArray()).Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Front Door or Traffic Manager", result.Message);
        Assert.Contains(new Evidence("azure.globalRouting.routers", "none"), result.Evidence);
    }

    [Fact]
    public void Redundancy_CriticalWithoutSiblingData_NotApplicable()
    {
        var result = Critical().With("globalRouting").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'workloadSiblings' was not collected", result.Message);
    }

    [Fact]
    public void Redundancy_CriticalWithoutWorkloadTag_Warns()
    {
        var result = Critical().Remove("tags.workload").With("globalRouting").Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no workload tag", result.Message);
    }

    [Fact]
    public void Redundancy_DeclaredNotCritical_PassWithoutRegionData()
    {
        var result = AzureDataCase.For().Set("tags.criticality", "low").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("declared not critical", result.Message);
        Assert.Contains(new Evidence("tags.criticality", "\"low\""), result.Evidence);
    }

    [Fact]
    public void Redundancy_PoolsNotAnArray_Error()
    {
        var result = AzureDataCase.For().Set("properties.agentPoolProfiles", 3).Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
