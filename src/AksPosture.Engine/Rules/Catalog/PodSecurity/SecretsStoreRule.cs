using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// AKS-SEC-17: secrets come from Key Vault through the Secrets Store CSI driver with workload identity. Secret objects
/// are never read, so pods that mount a <c>secret</c> volume are the sign that workloads keep secrets in Kubernetes.
/// </summary>
internal static class SecretsStoreRule
{
    private const string Addon = "azureKeyvaultSecretsProvider";
    private const string CsiDriver = "secrets-store.csi.k8s.io";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-17",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Serve secrets from Key Vault with the Secrets Store CSI driver and workload identity",
        Rationale = "Kubernetes Secrets are only base64-encoded, get copied into manifests and pipelines and are never rotated. Key Vault keeps them encrypted, audited and rotatable, and workload identity lets each pod fetch only its own.",
        Remediation = "Enable the Key Vault secrets provider add-on with rotation and workload identity, move secrets to Key Vault and mount them through SecretProviderClass objects.",
        RemediationCommand = "az aks addon enable -g <rg> -n <cluster> --addon azure-keyvault-secrets-provider --enable-secret-rotation",
        RemediationProperty = "properties.addonProfiles.azureKeyvaultSecretsProvider.{enabled, config.enableSecretRotation}, properties.securityProfile.workloadIdentity.enabled",
        SeedReference = "Security recommendation 11",
        Lineage = ["PSRule: Azure.AKS.SecretStore", "PSRule: Azure.AKS.SecretStoreRotation"],
        LearnMoreUrl = ClusterFacts.LearnBase + "csi-secrets-store-driver",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (!probe.AddonEnabled(Addon))
        {
            return WithoutAddon(probe);
        }

        var gaps = new List<string>();
        if (probe.Bool($"properties.addonProfiles.{Addon}.config.enableSecretRotation") != true)
        {
            gaps.Add("secret rotation is off, so pods keep stale values after a secret changes in Key Vault");
        }

        if (probe.Bool("properties.securityProfile.workloadIdentity.enabled") != true)
        {
            gaps.Add("workload identity is off, so pods reach Key Vault through the add-on's shared identity");
        }

        if (probe.Kubernetes() is not { } inventory)
        {
            var missing = probe.WithoutKubernetes("Checking that SecretProviderClasses are in use");
            return gaps.Count > 0 ? Warn(RuleText.Sentence(gaps)) : missing with { Message = $"The add-on, rotation and workload identity are on. {missing.Message}" };
        }

        var classes = probe.UserObjects(inventory, "SecretProviderClass");
        var mounting = probe.UserWorkloads(inventory).Count(w => w.PodObjects("volumes").Any(v => string.Equals(Text(w, v, "csi.driver"), CsiDriver, StringComparison.Ordinal)));
        probe.Note("kubernetes.secretProviderClasses", $"{classes.Count} SecretProviderClass object(s); {mounting} user workload(s) mount the CSI driver");
        if (classes.Count == 0 || mounting == 0)
        {
            gaps.Add("no user workload mounts secrets through a SecretProviderClass");
        }

        return gaps.Count > 0
            ? Warn(RuleText.Sentence(gaps))
            : Pass($"The Key Vault provider add-on runs with rotation and workload identity, and {mounting} workload(s) mount secrets through SecretProviderClasses.");
    }

    /// <summary>Without the add-on, only workloads that keep secrets in Kubernetes make it a failure.</summary>
    private static Outcome WithoutAddon(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            var missing = probe.WithoutKubernetes("Finding workloads that mount Kubernetes Secrets");
            return missing with { Message = $"The Key Vault secrets provider add-on is off. {missing.Message}" };
        }

        var findings = probe.UserWorkloads(inventory).Select(SecretVolumes).OfType<ObjectFinding>().ToList();
        probe.Note("kubernetes.secretVolumes", $"{findings.Count} user workload(s) mount Kubernetes Secrets as volumes");
        return findings.Count > 0
            ? Fail($"The Key Vault secrets provider add-on is off while {findings.Count} workload(s) mount Kubernetes Secrets: {ObjectIssues.Names(findings)}.") with { Objects = findings }
            : Warn("The Key Vault secrets provider add-on is off. No user workload mounts a Secret volume today, but nothing is in place to serve secrets from Key Vault.");
    }

    private static ObjectFinding? SecretVolumes(Workload workload)
    {
        var issues = workload.PodObjects("volumes")
            .Where(v => v["secret"] is not null)
            .Select(v => new Issue(RuleStatus.Fail,
                $"mounts Secret '{Text(workload, v, "secret.secretName") ?? "?"}' as volume '{Text(workload, v, "name") ?? "?"}'",
                new Evidence($"{workload.Object.Key}: volumes[{Text(workload, v, "name")}].secret.secretName", Navigate(v, "secret.secretName")?.ToJsonString())))
            .ToList();
        return issues.Count == 0 ? null : ObjectIssues.Finding(workload.Object.Key, issues);
    }

    private static string? Text(Workload workload, JsonObject volume, string path) =>
        AsText($"{workload.Object.Key}: volumes[].{path}", Navigate(volume, path));
}
