using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-REL-05 (backup in place) and AKS-REL-14 (restorable in another region).</summary>
public class BackupRulesTests
{
    private const string Instance = "aks-contoso-prod-weu-aks-contoso-prod-weu-8c1f2a4e";

    private static AzureDataCase Protected() => AzureDataCase.For().With("backupInstances", "extensions", "trustedAccessRoleBindings", "backupVaults");

    private static Action<JsonNode> ClusterInstanceStatus(string status) => d => d["value"]![0]!["properties"]!["protectionStatus"]!["status"] = status;

    [Fact]
    public void Backup_InstanceExtensionAndTrustedAccess_AsksForRestoreDrill()
    {
        var result = Protected().Evaluate("AKS-REL-05");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("restore drill", result.Message);
        Assert.Contains(new Evidence($"azure.backupInstances[{Instance}].properties.protectionStatus.status", "ProtectionConfigured"), result.Evidence);
        Assert.Contains(new Evidence("azure.extensions[microsoft.dataprotection.kubernetes].properties.provisioningState", "Succeeded"), result.Evidence);
        Assert.Contains(new Evidence("azure.trustedAccessRoleBindings[bv-contoso-weu]", "Microsoft.DataProtection/backupVaults/backup-operator"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-REL-05")]
    [InlineData("AKS-REL-14")]
    public void Backup_OnlyOtherResourcesProtected_Fails(string ruleId)
    {
        var result = Protected().Edit("backupInstances", d => d["value"]!.AsArray().RemoveAt(0)).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("No Azure Backup instance protects this cluster", result.Message);
    }

    [Theory]
    [InlineData("AKS-REL-05")]
    [InlineData("AKS-REL-14")]
    public void Backup_InstanceStillConfiguring_Warns(string ruleId)
    {
        var result = Protected().Edit("backupInstances", ClusterInstanceStatus("ConfiguringProtection")).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("is ConfiguringProtection, not ProtectionConfigured", result.Message);
    }

    [Fact]
    public void Backup_ExtensionFailed_Warns()
    {
        var result = Protected().Edit("extensions", d => d["value"]![1]!["properties"]!["provisioningState"] = "Failed").Evaluate("AKS-REL-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("backup extension is Failed", result.Message);
    }

    [Fact]
    public void Backup_ExtensionMissing_Warns()
    {
        var result = Protected().Edit("extensions", d => d["value"]!.AsArray().RemoveAt(1)).Evaluate("AKS-REL-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("azure.extensions[microsoft.dataprotection.kubernetes].properties.provisioningState", null), result.Evidence);
    }

    [Fact]
    public void Backup_NoTrustedAccessBinding_Warns()
    {
        var result = Protected().With("trustedAccessRoleBindings", JsonNode.Parse("""{ "value": [] }""")).Evaluate("AKS-REL-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no trusted-access binding", result.Message);
    }

    [Theory]
    [InlineData("AKS-REL-05")]
    [InlineData("AKS-REL-14")]
    public void Backup_InstancesNotCollected_NotApplicable(string ruleId)
    {
        var result = AzureDataCase.For().Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("azure.backupInstances", null), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-REL-05")]
    [InlineData("AKS-REL-14")]
    public void Backup_InstancesCollectionFailed_Error(string ruleId)
    {
        var result = AzureDataCase.For().Failed("backupInstances", "AuthorizationFailed", "Microsoft.DataProtection/backupVaults/backupInstances/read").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("backupInstances/read", result.Message);
    }

    [Fact]
    public void Backup_ExtensionsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().With("backupInstances", "trustedAccessRoleBindings").Evaluate("AKS-REL-05");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'extensions' was not collected", result.Message);
    }

    [Fact]
    public void CrossRegion_GeoRedundantVaultWithRestore_AsksForRestoreTest()
    {
        var result = Protected().Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("secondary region", result.Message);
        Assert.Contains(new Evidence("azure.backupVaults[bv-contoso-weu].properties.storageSettings[].type", "GeoRedundant"), result.Evidence);
        Assert.Contains(new Evidence("azure.backupVaults[bv-contoso-weu].properties.featureSettings.crossRegionRestoreSettings.state", "Enabled"), result.Evidence);
    }

    [Fact]
    public void CrossRegion_LocallyRedundantVault_Fails()
    {
        var result = Protected().Edit("backupVaults", d => d["value"]![0]!["properties"]!["storageSettings"]![0]!["type"] = "LocallyRedundant").Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("LocallyRedundant, not GeoRedundant", result.Message);
    }

    [Fact]
    public void CrossRegion_RestoreDisabled_Fails()
    {
        var result = Protected().Edit("backupVaults", d => d["value"]![0]!["properties"]!["featureSettings"]!["crossRegionRestoreSettings"]!["state"] = "Disabled").Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Cross-region restore is Disabled on vault 'bv-contoso-weu'", result.Message);
    }

    [Fact]
    public void CrossRegion_VaultsNotCollected_NotApplicable()
    {
        var result = AzureDataCase.For().With("backupInstances").Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'backupVaults' was not collected", result.Message);
    }

    [Fact]
    public void CrossRegion_VaultOfInstanceNotListed_NotApplicable()
    {
        var result = Protected().With("backupVaults", JsonNode.Parse("""{ "value": [] }""")).Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("bv-contoso-weu", result.Message);
    }

    [Fact]
    public void CrossRegion_VaultsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().With("backupInstances").Failed("backupVaults", "AuthorizationFailed", "Microsoft.DataProtection/backupVaults/read").Evaluate("AKS-REL-14");

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
