using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-SEC-06: the hardened profile on clusters declared regulated.</summary>
public class RegulatedClusterRuleTests
{
    private const string Rule = "AKS-SEC-06";

    private static AzureDataCase Hardened() => AzureDataCase.For()
        .Set("tags.compliance", "pci-dss")
        .Set("properties.apiServerAccessProfile.enablePrivateCluster", true)
        .Set("properties.securityProfile.azureKeyVaultKms.enabled", true)
        .Set("properties.agentPoolProfiles[system].enableFIPS", true)
        .Set("properties.agentPoolProfiles[apps].enableFIPS", true)
        .Set("properties.agentPoolProfiles[armspot].enableFIPS", true)
        .Set("properties.agentPoolProfiles[armspot].enableEncryptionAtHost", true);

    [Fact]
    public void Regulated_NotDeclared_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("not declared regulated", result.Message);
    }

    [Fact]
    public void Regulated_DeclaredNotRegulated_NotApplicable()
    {
        var result = AzureDataCase.For().Set("tags.regulated", "false").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("tags.regulated", "\"false\""), result.Evidence);
    }

    [Fact]
    public void Regulated_PublicClusterWithoutFipsOrKms_FailsListingGaps()
    {
        var result = AzureDataCase.For().Set("tags.compliance", "pci-dss").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("the API server is public", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'system', 'apps', 'armspot' are not FIPS-enabled", result.Message);
        Assert.Contains("'armspot' do not encrypt at host", result.Message);
        Assert.Contains("Key Vault KMS", result.Message);
    }

    [Fact]
    public void Regulated_FullyHardened_AsksForSignOff()
    {
        var result = Hardened().Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("sign-off", result.Message);
        Assert.Contains(new Evidence("properties.securityProfile.azureKeyVaultKms.enabled", "true"), result.Evidence);
        Assert.Contains(new Evidence("properties.disableLocalAccounts", "true"), result.Evidence);
    }

    [Fact]
    public void Regulated_FipsFlagUnreadable_Error()
    {
        var result = Hardened().Set("properties.agentPoolProfiles[apps].enableFIPS", "maybe").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("enableFIPS", result.Message);
    }
}
