using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// GitOps bootstrap: one check the guide names in the Operational Excellence checklist and the Azure policies list.
/// Flux configuration complianceState verified against Microsoft.KubernetesConfiguration 2023-05-01 fluxconfiguration.json
/// (Compliant, Non-Compliant, Pending, Suspended, Unknown).
/// </summary>
internal static class GitOpsRules
{
    private const string CheckId = "gitops";
    private const string FluxExtension = "microsoft.flux";
    private const string Rationale =
        "When a controller reconciles the cluster from Git, every change is reviewed, versioned and repeatable, and drift is put back automatically.";
    private const string Command =
        "az k8s-configuration flux create -g <rg> -c <cluster> -t managedClusters -n cluster-config --namespace flux-system --url <repo> --branch main --kustomization name=infra path=./infrastructure prune=true";
    private const string Property = "Microsoft.KubernetesConfiguration/extensions (extensionType microsoft.flux) and fluxConfigurations";
    private const string LearnMore = "https://learn.microsoft.com/azure/azure-arc/kubernetes/conceptual-gitops-flux2";

    // CRDs and controllers that betray a GitOps agent installed without the AKS extension.
    private static readonly string[] GitOpsCrds = ["kustomizations.kustomize.toolkit.fluxcd.io", "gitrepositories.source.toolkit.fluxcd.io", "applications.argoproj.io"];
    private static readonly string[] GitOpsApiGroups = ["kustomize.toolkit.fluxcd.io/", "source.toolkit.fluxcd.io/", "argoproj.io/"];
    private static readonly string[] GitOpsControllers = ["kustomize-controller", "source-controller", "argocd-application-controller", "argocd-server"];

    public static IEnumerable<Rule> All() =>
    [
        new(new RuleDefinition
        {
            Id = "AKS-OPS-02",
            Pillar = Pillar.OperationalExcellence,
            Severity = Severity.Medium,
            Title = "Bootstrap cluster configuration and workloads with GitOps",
            Rationale = Rationale,
            Remediation = "Install the Flux extension and add a Flux configuration that reconciles the cluster's baseline from Git (or run Argo CD).",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Operational Excellence checklist 2",
            Scope = RuleScope.ClusterAndWorkload,
            // The GitOps agent is judged from data; whether pipelines test and promote changes is for a person to attest.
            Automation = Automation.Partial,
            CheckId = CheckId,
            Lineage = ["Azure Policy f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
        new(new RuleDefinition
        {
            Id = "AKS-POL-05",
            Pillar = Pillar.OperationalExcellence,
            Severity = Severity.Medium,
            Title = "GitOps configuration is present (GitOps policies)",
            Rationale = Rationale,
            Remediation = "Deploy the Flux extension and a Flux configuration, as the built-in GitOps policies would.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Azure policies: GitOps configuration",
            CheckId = CheckId,
            Lineage = ["Azure Policy f9175d5f-abc8-1dc3-bd3c-5d7476ada3d1"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
    ];

    public static Outcome Evaluate(Probe probe)
    {
        var inCluster = InClusterAgent(probe);
        if (!probe.TryDataSet(AzureDataSets.Extensions, out var data, out var missing))
        {
            return inCluster is not null ? Pass($"A GitOps agent runs in the cluster ({inCluster}).")
                : probe.Snapshot.Kubernetes is null ? missing
                : Warn("No GitOps agent (Flux or Argo CD) was found among the cluster's objects.");
        }

        var flux = AzureJson.Items(data).FirstOrDefault(e => string.Equals(AzureJson.Text(e, "properties.extensionType"), FluxExtension, StringComparison.OrdinalIgnoreCase));
        var fluxState = flux is null ? null : AzureJson.Text(flux, "properties.provisioningState");
        probe.Note($"azure.extensions[{FluxExtension}].properties.provisioningState", fluxState);
        if (flux is not null && string.Equals(fluxState, "Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            return FluxConfigurations(probe, inCluster);
        }

        if (inCluster is not null)
        {
            return Pass($"A GitOps agent runs in the cluster ({inCluster}).");
        }

        return flux is not null
            ? Warn($"The Flux extension is {fluxState ?? "in an unknown state"}, not Succeeded, and no other GitOps agent was found.")
            : Warn(probe.Snapshot.Kubernetes is null
                ? "The Flux extension is not installed (in-cluster agents such as Argo CD were not checked: Kubernetes objects were not collected)."
                : "Neither the Flux extension nor another GitOps agent (Argo CD) was found.");
    }

    private static Outcome FluxConfigurations(Probe probe, string? inCluster)
    {
        if (!probe.TryDataSet(AzureDataSets.FluxConfigurations, out var data, out var missing))
        {
            return inCluster is not null ? Pass($"The Flux extension is installed and Flux reconciles in the cluster ({inCluster}).") : missing;
        }

        var configurations = AzureJson.Items(data)
            .Select(c => (Name: AzureJson.Name(c), State: AzureJson.Text(c, "properties.complianceState") ?? "Unknown")).ToList();
        probe.Note("azure.fluxConfigurations.complianceState", configurations.Count == 0 ? "none" : string.Join(", ", configurations.Select(c => $"{c.Name}: {c.State}")));
        var compliant = configurations.Where(c => c.State.Equals("Compliant", StringComparison.OrdinalIgnoreCase)).Select(c => c.Name).ToList();
        var other = configurations.Where(c => !c.State.Equals("Compliant", StringComparison.OrdinalIgnoreCase)).Select(c => $"'{c.Name}' is {c.State}").ToList();
        if (configurations.Count == 0)
        {
            return Warn("The Flux extension is installed but no Flux configuration tells it what to reconcile.");
        }

        return other.Count > 0
            ? Warn($"Flux configuration(s) are not converged: {string.Join(", ", other)}.")
            : Pass($"Flux configuration(s) {RuleText.List(compliant)} are compliant.");
    }

    // Every object of the cluster is checked, so the apiVersion is compared in place.
    private static bool IsGitOpsObject(KubernetesObject item) =>
        JsonStrings.StartsWithAny(item.Json["apiVersion"], GitOpsApiGroups, StringComparison.OrdinalIgnoreCase);

    private static string? InClusterAgent(Probe probe)
    {
        if (probe.Snapshot.Kubernetes is not { } inventory)
        {
            probe.Note("kubernetes", null);
            return null;
        }

        var found = inventory.OfKind("CustomResourceDefinition").Select(c => c.Name).Where(n => GitOpsCrds.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Concat(inventory.Kinds.SelectMany(inventory.OfKind).Where(IsGitOpsObject).Select(o => $"{o.Kind} objects"))
            .Concat(inventory.OfKind("Deployment").Concat(inventory.OfKind("StatefulSet"))
                .Where(d => GitOpsControllers.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).Select(d => d.Key))
            .Distinct().ToList();
        probe.Note("kubernetes.gitOpsAgents", found.Count == 0 ? "none" : string.Join(", ", found));
        return found.Count == 0 ? null : string.Join(", ", found);
    }
}
