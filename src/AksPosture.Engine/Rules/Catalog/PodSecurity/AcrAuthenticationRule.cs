using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// AKS-SEC-09: nodes pull from Azure Container Registry with the kubelet's Entra identity, not with registry
/// credentials stored as imagePullSecrets. Secrets are never read, so a pull secret on a pod (or its service
/// account) that pulls from ACR is the signal.
/// </summary>
internal static class AcrAuthenticationRule
{
    /// <summary>
    /// Role assignments of the kubelet identity: the raw list of
    /// <c>GET /subscriptions/{sub}/providers/Microsoft.Authorization/roleAssignments?$filter=principalId eq '{kubelet objectId}'</c>
    /// (<c>value[].properties.{scope, principalId, roleDefinitionId}</c>). Not yet in <see cref="AzureDataSets"/>.
    /// </summary>
    public const string AcrRoleAssignments = "acrRoleAssignments";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-09",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Authenticate to Azure Container Registry with Entra ID, not imagePullSecrets",
        Rationale = "A pull secret is a long-lived registry password copied into the cluster, readable by anyone who can read Secrets in the namespace. Granting AcrPull to the kubelet identity leaves no password to leak or rotate.",
        Remediation = "Attach the registry to the cluster (AcrPull for the kubelet identity), then remove imagePullSecrets that point at ACR from pods and service accounts and delete the secrets.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --attach-acr <registry>",
        RemediationProperty = "spec.imagePullSecrets / ServiceAccount imagePullSecrets; AcrPull role assignment for properties.identityProfile.kubeletidentity.objectId",
        SeedReference = "Security recommendation 3",
        LearnMoreUrl = ClusterFacts.LearnBase + "cluster-container-registry-integration",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Finding the registries workloads pull from");
        }

        var pulling = new List<(Workload Workload, List<string> Hosts)>();
        foreach (var workload in probe.UserWorkloads(inventory))
        {
            if (AcrHosts(workload) is { Count: > 0 } hosts)
            {
                pulling.Add((workload, hosts));
            }
        }

        var registries = pulling.SelectMany(x => x.Hosts).Distinct().Order(StringComparer.Ordinal).ToList();
        probe.Note("kubernetes.acrRegistries", registries.Count == 0 ? null : string.Join(", ", registries));
        if (registries.Count == 0)
        {
            return NotApplicable("No user workload pulls images from Azure Container Registry.");
        }

        var withSecrets = pulling.Select(x => PullSecretFinding(x.Workload, x.Hosts, inventory)).OfType<ObjectFinding>().ToList();
        if (withSecrets.Count > 0)
        {
            return Fail($"{withSecrets.Count} workload(s) pull from ACR with imagePullSecrets instead of the kubelet identity: {ObjectIssues.Names(withSecrets)}.") with { Objects = withSecrets };
        }

        if (!probe.TryDataSet(AcrRoleAssignments, out var data, out var missing))
        {
            return missing with { Message = $"No imagePullSecrets are used for {RuleText.List(registries)}. {missing.Message}" };
        }

        return AcrPullGrants.Judge(probe, registries, AzureDataProbe.Items(data));
    }

    /// <summary>The ACR hosts a workload's containers pull from, each once, in container order.</summary>
    private static List<string> AcrHosts(Workload workload)
    {
        var hosts = new List<string>();
        foreach (var (_, image) in ContainerImages.Images(workload))
        {
            var host = ContainerImages.RegistryHost(image);
            if (ContainerImages.IsAcr(host) && !hosts.Contains(host))
            {
                hosts.Add(host);
            }
        }

        return hosts;
    }

    private static ObjectFinding? PullSecretFinding(Workload workload, IReadOnlyList<string> hosts, KubernetesInventory inventory)
    {
        var issues = new List<Issue>();
        var onPod = SecretNames(workload.PodObjects("imagePullSecrets"));
        if (onPod.Count > 0)
        {
            issues.Add(new(RuleStatus.Fail, $"pulls from {string.Join(", ", hosts)} with imagePullSecrets {RuleText.List(onPod)}", workload.PodEvidence("imagePullSecrets")));
        }

        if (workload.ServiceAccount(inventory) is { } account
            && SecretNames(Json.Objects(Navigate(account.Json, "imagePullSecrets"))) is { Count: > 0 } onAccount)
        {
            issues.Add(new(RuleStatus.Fail, $"pulls from {string.Join(", ", hosts)} with imagePullSecrets {RuleText.List(onAccount)} of service account '{account.Name}'",
                new Evidence($"{account.Key}: imagePullSecrets", Navigate(account.Json, "imagePullSecrets")?.ToJsonString())));
        }

        return issues.Count == 0 ? null : ObjectIssues.Finding(workload.Object.Key, issues);
    }

    private static List<string> SecretNames(IEnumerable<JsonObject> references) =>
        references.Select(r => Json.Text(r["name"]) ?? "?").ToList();
}
