using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-SEC-07, AKS-SEC-08, AKS-SEC-12 and AKS-POL-03.</summary>
public class IdentityRulesTests
{
    [Fact]
    public void Sec07_SystemAssignedIdentity_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("identity.type", "\"SystemAssigned\""), result.Evidence);
        Assert.Contains(new Evidence("properties.servicePrincipalProfile.clientId", "\"msi\""), result.Evidence);
    }

    [Theory]
    [InlineData("UserAssigned")]
    [InlineData("systemassigned")]
    public void Sec07_ManagedIdentityType_Passes(string type)
    {
        Assert.Equal(RuleStatus.Pass, Load(MostlyCompliant).Set("identity.type", type).Evaluate("AKS-SEC-07").Status);
    }

    [Fact]
    public void Sec07_IdentityWithoutServicePrincipalProfile_Passes()
    {
        var result = Load(BaselinePrivate).Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.servicePrincipalProfile.clientId", null), result.Evidence);
    }

    [Fact]
    public void Sec07_ServicePrincipal_Fails()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("properties.servicePrincipalProfile.clientId", "\"8c2f0c5e-1d3b-4a5f-9e7d-000000000000\""), result.Evidence);
    }

    [Fact]
    public void Sec07_IdentityTypeNone_Fails()
    {
        var result = Load(MostlyCompliant).Set("identity.type", "None").Remove("properties.servicePrincipalProfile").Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Sec07_OnlyMsiClientId_Passes()
    {
        var result = Load(MostlyCompliant).Remove("identity").Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("identity.type", null), result.Evidence);
    }

    [Fact]
    public void Sec07_NeitherIdentityNorServicePrincipal_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Remove("identity").Remove("properties.servicePrincipalProfile").Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Sec07_UnknownIdentityType_Warns()
    {
        var result = Load(MostlyCompliant).Set("identity.type", "Quantum").Evaluate("AKS-SEC-07");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("'Quantum'", result.Message);
    }

    [Fact]
    public void Sec08_WorkloadIdentityAndOidcIssuer_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-08");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.securityProfile.workloadIdentity.enabled", "true"), result.Evidence);
        Assert.Contains(new Evidence("properties.oidcIssuerProfile.enabled", "true"), result.Evidence);
        Assert.Contains(new Evidence("properties.podIdentityProfile.enabled", null), result.Evidence);
    }

    [Fact]
    public void Sec08_PodIdentityEnabled_Fails()
    {
        var result = Load(MostlyCompliant).Set("properties.podIdentityProfile.enabled", true).Evaluate("AKS-SEC-08");

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Sec08_WorkloadIdentityOff_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.securityProfile.workloadIdentity.enabled", false).Evaluate("AKS-SEC-08");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("Workload identity is off", result.Message);
    }

    [Fact]
    public void Sec08_AzCliWithNullProfiles_Warns()
    {
        Assert.Equal(RuleStatus.Warn, Load(NeglectedDev).Evaluate("AKS-SEC-08").Status);
    }

    [Fact]
    public void Sec08_EnabledAsText_IsRead()
    {
        var result = Load(MostlyCompliant).Set("properties.securityProfile.workloadIdentity.enabled", "true").Evaluate("AKS-SEC-08");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Sec08_EnabledIsMaybe_Errors()
    {
        var result = Load(MostlyCompliant).Set("properties.securityProfile.workloadIdentity.enabled", "maybe").Evaluate("AKS-SEC-08");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'properties.securityProfile.workloadIdentity.enabled'", result.Message);
    }

    [Fact]
    public void Sec12_EntraAzureRbacAndNoLocalAccounts_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-SEC-12");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.disableLocalAccounts", "true"), result.Evidence);
        Assert.Contains(new Evidence("properties.aadProfile.enableAzureRBAC", "true"), result.Evidence);
    }

    [Fact]
    public void Sec12_KubernetesRbacInsteadOfAzureRbac_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.aadProfile.enableAzureRBAC", false).Evaluate("AKS-SEC-12");

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Fact]
    public void Sec12_DisableLocalAccountsAbsent_CountsAsFalseAndFails()
    {
        var result = Load(MostlyCompliant).Remove("properties.disableLocalAccounts").Evaluate("AKS-SEC-12");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("Local accounts are enabled.", result.Message);
        Assert.Contains(new Evidence("properties.disableLocalAccounts", null), result.Evidence);
    }

    [Fact]
    public void Sec12_NoEntraIntegrationAndLocalAccounts_Fails()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-SEC-12");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("Microsoft Entra ID integration is not enabled", result.Message);
        Assert.Contains(new Evidence("properties.disableLocalAccounts", "false"), result.Evidence);
    }

    [Fact]
    public void Pol03_EntraRbacAndNoLocalAccounts_Passes()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-POL-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.enableRBAC", "true"), result.Evidence);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Pol03_KubernetesRbacOffOrNull_Fails(bool? enableRbac)
    {
        var result = Load(MostlyCompliant).Set("properties.enableRBAC", enableRbac).Evaluate("AKS-POL-03");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("Kubernetes RBAC is off.", result.Message);
    }

    [Fact]
    public void Pol03_EnableRbacSpelledInPascalCase_IsRead()
    {
        var result = Load(MostlyCompliant).Remove("properties.enableRBAC").Set("properties.EnableRBAC", true).Evaluate("AKS-POL-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Pol03_AzCliSpellingEnableRbac_IsRead()
    {
        var result = Load(NeglectedDev)
            .Set("aadProfile", new { managed = true })
            .Set("disableLocalAccounts", true)
            .Evaluate("AKS-POL-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.enableRBAC", "true"), result.Evidence);
    }

    [Fact]
    public void Pol03_NeglectedDev_FailsForEntraAndLocalAccounts()
    {
        var result = Load(NeglectedDev).Evaluate("AKS-POL-03");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("Entra ID integration is off; local accounts are enabled.", result.Message);
    }
}
