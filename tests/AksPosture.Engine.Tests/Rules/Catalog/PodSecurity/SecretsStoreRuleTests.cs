using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-17.</summary>
public class SecretsStoreRuleTests
{
    private const string Addon = "properties.addonProfiles.azureKeyvaultSecretsProvider";

    [Fact]
    public void Sec17_AddonRotationWorkloadIdentityAndProviderClassInUse_Passes()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.secretProviderClasses", "1 SecretProviderClass object(s); 1 user workload(s) mount the CSI driver"), result.Evidence);
    }

    [Fact]
    public void Sec17_RotationOff_Warns()
    {
        var result = Of(Load(MostlyCompliant).Set(Addon + ".config.enableSecretRotation", "false")).WithKubernetes(Clean).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("rotation is off", result.Message);
        Assert.Contains(new Evidence(Addon + ".config.enableSecretRotation", "\"false\""), result.Evidence);
    }

    [Fact]
    public void Sec17_WorkloadIdentityOff_Warns()
    {
        var result = Of(Load(MostlyCompliant).Set("properties.securityProfile.workloadIdentity.enabled", false)).WithKubernetes(Clean).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.StartsWith("Workload identity is off", result.Message);
    }

    [Fact]
    public void Sec17_NoSecretProviderClassInUse_Warns()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Equal("No user workload mounts secrets through a SecretProviderClass.", result.Message);
        Assert.Contains(new Evidence("kubernetes.secretProviderClasses", "0 SecretProviderClass object(s); 0 user workload(s) mount the CSI driver"), result.Evidence);
    }

    [Fact]
    public void Sec17_AddonOffWhileWorkloadsMountSecrets_FailsPerWorkload()
    {
        var result = Of(Load(MostlyCompliant).Set(Addon + ".enabled", false)).WithKubernetes(Violations).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["payments/Deployment/secret-mounter"], ObjectKeys(result));
        var finding = Finding(result, "payments/Deployment/secret-mounter");
        Assert.Equal("Mounts Secret 'db-password' as volume 'db'.", finding.Message);
        Assert.Contains(new Evidence("payments/Deployment/secret-mounter: volumes[db].secret.secretName", "\"db-password\""), finding.Evidence);
    }

    [Fact]
    public void Sec17_AddonOffAndNoSecretVolumes_Warns()
    {
        var result = Of(Load(NeglectedDev)).WithKubernetes(Clean).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("kubernetes.secretVolumes", "0 user workload(s) mount Kubernetes Secrets as volumes"), result.Evidence);
    }

    [Fact]
    public void Sec17_ClusterPartsOnWithoutKubernetes_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.StartsWith("The add-on, rotation and workload identity are on.", result.Message);
    }

    [Fact]
    public void Sec17_RotationOffWithoutKubernetes_StillWarns()
    {
        var result = Of(Load(MostlyCompliant).Set(Addon + ".config.enableSecretRotation", "false")).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("kubernetes", null), result.Evidence);
    }

    [Fact]
    public void Sec17_AddonOffWithoutKubernetes_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant).Set(Addon + ".enabled", false)).Evaluate("AKS-SEC-17");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.StartsWith("The Key Vault secrets provider add-on is off.", result.Message);
    }
}
