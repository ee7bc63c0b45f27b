using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// AKS-SEC-05: images come from trusted registries and are scanned. Registry hosts are judged from the pod specs and
/// the Defender plan (when collected) shows whether images are scanned; pipeline scanning is for a person to confirm.
/// </summary>
internal static class SupplyChainRule
{
    private const string TierPath = "azure.defenderPlan.properties.pricingTier";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-05",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Run images only from trusted registries, scanned in the pipeline",
        Rationale = "Images pulled straight from public registries can be replaced or poisoned upstream and are never scanned by your pipeline. Importing them into your own registry puts every image through the same scanning and signing gate.",
        Remediation = "Import third-party images into Azure Container Registry, point workloads at it, scan images in CI/CD and keep Defender for Containers on; enforce the registry list with the allowed-images policy.",
        RemediationCommand = "az acr import -n <registry> --source docker.io/library/nginx:1.27 --image nginx:1.27",
        RemediationProperty = "containers[].image (registry host)",
        SeedReference = "Security checklist 5",
        Scope = RuleScope.Workload,
        Automation = Automation.Partial,
        Lineage = ["Azure Policy febd0533-8e55-448f-b837-bd0e06f16469"],
        LearnMoreUrl = "https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-introduction",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Checking image registries");
        }

        var allowed = probe.Settings.AllowedRegistries;
        var workloads = probe.UserWorkloads(inventory);
        var images = workloads.Sum(w => ContainerImages.Images(w).Count);
        var findings = workloads.Select(w => Finding(w, allowed)).OfType<ObjectFinding>().ToList();
        probe.Note("settings.allowedRegistries", string.Join(", ", allowed));
        probe.Note("kubernetes.images", $"{images} container image(s) in {workloads.Count} user workload(s); {findings.Count} workload(s) use other registries");
        if (images == 0)
        {
            return NotApplicable("No containers run in user namespaces, so there are no images to judge.");
        }

        if (findings.Count > 0)
        {
            return Fail($"{findings.Count} user workload(s) pull images from registries outside the allowed list ({string.Join(", ", allowed)}): {ObjectIssues.Names(findings)}.") with { Objects = findings };
        }

        var tier = DefenderTier(probe);
        if (tier is not null && !tier.Equals("Standard", StringComparison.OrdinalIgnoreCase))
        {
            return Warn($"All {images} image(s) come from allowed registries, but the Defender for Containers plan is '{tier}', so registry and running images are not scanned for vulnerabilities.");
        }

        var defender = tier is null ? "the Defender for Containers plan was not collected" : "Defender for Containers (Standard) scans them";
        return Manual($"All {images} image(s) come from allowed registries and {defender}. Confirm that CI/CD pipelines scan images before pushing and block builds with critical vulnerabilities.");
    }

    private static ObjectFinding? Finding(Workload workload, IReadOnlyList<string> allowed)
    {
        var issues = new List<Issue>();
        foreach (var (container, image) in ContainerImages.Images(workload))
        {
            var host = ContainerImages.RegistryHost(image);
            if (!ContainerImages.MatchesAny(host, allowed))
            {
                issues.Add(new Issue(RuleStatus.Fail, $"container '{workload.ContainerName(container)}' runs '{image}' from {host}",
                    KubernetesProbe.ContainerEvidence(workload, container, "image")));
            }
        }

        return issues.Count == 0 ? null : ObjectIssues.Finding(workload.Object.Key, issues);
    }

    /// <summary><c>properties.pricingTier</c> of the subscription's Containers plan; null when the set was not collected.</summary>
    private static string? DefenderTier(Probe probe)
    {
        if (!probe.TryDataSet(AzureDataSets.DefenderPlan, out var data, out _))
        {
            return null;
        }

        var tier = AzureDataProbe.Items(data).Select(p => AsText(TierPath, Navigate(p, "properties.pricingTier"))).FirstOrDefault(t => t is not null);
        probe.Note(TierPath, tier);
        return tier ?? "unknown";
    }
}
