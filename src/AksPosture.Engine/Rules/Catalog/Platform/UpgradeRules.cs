using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>Versions, upgrade channels and maintenance windows: checks AKS's own guidance and Azure Policy make.</summary>
internal static class UpgradeRules
{
    private const string UpgradeLearnMore = ClusterFacts.LearnBase + "auto-upgrade-cluster";

    public static IEnumerable<Rule> All() => [SupportedVersion, ClusterChannel, NodeOsChannel, MaintenanceWindows, VersionRestrictions];

    private static readonly Rule SupportedVersion = new(new RuleDefinition
    {
        Id = "AKS-OPS-10",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.High,
        Title = "Run a supported Kubernetes version",
        Rationale = "Minors that leave AKS support stop receiving security fixes and cannot be supported when something breaks; upgrading from far behind is also riskier than staying current.",
        Remediation = "Upgrade the control plane and node pools to a supported minor, one minor at a time; use long-term support (Premium tier) only when you must stay longer.",
        RemediationCommand = "az aks upgrade -g <rg> -n <cluster> --kubernetes-version <supported-version>",
        RemediationProperty = "properties.kubernetesVersion, properties.agentPoolProfiles[].orchestratorVersion",
        SeedReference = "Beyond the guide: AKS supported Kubernetes versions policy (release calendar); Azure Policy fb893a29-21bb-418c-a157-e99480ec364c",
        Lineage = ["Azure Policy fb893a29-21bb-418c-a157-e99480ec364c", "PSRule: Azure.AKS.Version", "PSRule: Azure.AKS.PoolVersion"],
        LearnMoreUrl = ClusterFacts.LearnBase + "supported-kubernetes-versions",
    }, KubernetesVersionCheck.Evaluate);

    private static readonly Rule ClusterChannel = new(new RuleDefinition
    {
        Id = "AKS-OPS-11",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Medium,
        Title = "Set a cluster auto-upgrade channel",
        Rationale = "Without a channel, patches and minor upgrades wait for someone to remember them, and clusters drift out of support.",
        Remediation = "Set the auto-upgrade channel to patch (or stable) and pair it with a planned maintenance window.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --auto-upgrade-channel patch",
        RemediationProperty = "properties.autoUpgradeProfile.upgradeChannel = patch | stable",
        SeedReference = "Beyond the guide: AKS auto-upgrade guidance; Azure Policy 5c345cdf-2049-47e0-b8fe-b0e96bc2df35",
        Lineage = ["Azure Policy 5c345cdf-2049-47e0-b8fe-b0e96bc2df35", "PSRule: Azure.AKS.AutoUpgrade"],
        LearnMoreUrl = UpgradeLearnMore,
    }, probe => ClusterChannelVerdict(probe));

    private static readonly Rule NodeOsChannel = new(new RuleDefinition
    {
        Id = "AKS-OPS-12",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Medium,
        Title = "Keep node OS images patched automatically",
        Rationale = "Node images carry the OS security fixes. The NodeImage and SecurityPatch channels apply them on a schedule; Unmanaged leaves patching to the nodes themselves with no reboot coordination, and None applies nothing.",
        Remediation = "Set the node OS upgrade channel to NodeImage (or SecurityPatch) with a maintenance window.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --node-os-upgrade-channel NodeImage",
        RemediationProperty = "properties.autoUpgradeProfile.nodeOSUpgradeChannel = NodeImage | SecurityPatch",
        SeedReference = "Beyond the guide: AKS node OS auto-upgrade guidance; Azure Policy 04408ca5-aa10-42ce-8536-98955cdddd4c",
        Lineage = ["Azure Policy 04408ca5-aa10-42ce-8536-98955cdddd4c", "PSRule: Azure.AKS.NodeAutoUpgrade"],
        LearnMoreUrl = ClusterFacts.LearnBase + "auto-upgrade-node-os-image",
    }, probe => NodeOsChannelVerdict(probe));

    private static readonly Rule MaintenanceWindows = new(new RuleDefinition
    {
        Id = "AKS-OPS-13",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Low,
        Title = "Schedule upgrades in planned maintenance windows",
        Rationale = "Automatic upgrades that start at any hour surprise on-call teams; a maintenance window puts them where the business can absorb a disruption.",
        Remediation = "Create aksManagedAutoUpgradeSchedule and aksManagedNodeOSUpgradeSchedule maintenance configurations.",
        RemediationCommand = "az aks maintenanceconfiguration add -g <rg> --cluster-name <cluster> -n aksManagedAutoUpgradeSchedule --schedule-type Weekly --day-of-week Saturday --start-time 01:00 --duration 4 --interval-weeks 1",
        RemediationProperty = "Microsoft.ContainerService/managedClusters/maintenanceConfigurations (aksManagedAutoUpgradeSchedule, aksManagedNodeOSUpgradeSchedule)",
        SeedReference = "Beyond the guide: AKS planned maintenance",
        Lineage = ["PSRule: Azure.AKS.MaintenanceWindow"],
        LearnMoreUrl = ClusterFacts.LearnBase + "planned-maintenance",
    }, EvaluateMaintenanceWindows);

    private static readonly Rule VersionRestrictions = new(new RuleDefinition
    {
        Id = "AKS-POL-07",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "AKS version restrictions: supported version and upgrade channels set",
        Rationale = "Azure Policy audits that clusters run a supported version and upgrade themselves; an unsupported version misses security fixes.",
        Remediation = "Upgrade to a supported minor and set both the cluster and node OS upgrade channels.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --auto-upgrade-channel patch --node-os-upgrade-channel NodeImage",
        RemediationProperty = "properties.kubernetesVersion, properties.autoUpgradeProfile.upgradeChannel, .nodeOSUpgradeChannel",
        SeedReference = "Azure policies: AKS version restrictions",
        Lineage =
        [
            "Azure Policy fb893a29-21bb-418c-a157-e99480ec364c",
            "Azure Policy 5c345cdf-2049-47e0-b8fe-b0e96bc2df35",
            "Azure Policy 04408ca5-aa10-42ce-8536-98955cdddd4c",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "supported-kubernetes-versions",
    }, probe =>
    {
        var version = KubernetesVersionCheck.Evaluate(probe);
        if (version.Status is RuleStatus.Fail or RuleStatus.NotApplicable or RuleStatus.Error)
        {
            return version;
        }

        var channels = new[] { ClusterChannelVerdict(probe), NodeOsChannelVerdict(probe) };
        var weak = channels.Where(c => c.Status != RuleStatus.Pass).Select(c => c.Message).ToList();
        return weak.Count == 0 && version.Status == RuleStatus.Pass
            ? Pass("The version is supported and both upgrade channels are set.")
            : Warn(string.Join(" ", new[] { version.Status == RuleStatus.Pass ? null : version.Message }.Concat(weak).OfType<string>()));
    });

    internal static Outcome ClusterChannelVerdict(Probe probe)
    {
        var channel = probe.Text("properties.autoUpgradeProfile.upgradeChannel") ?? "none";
        return channel.ToLowerInvariant() switch
        {
            "patch" or "stable" or "node-image" => Pass($"The cluster upgrades itself on the '{channel}' channel."),
            "rapid" when probe.Environment() == ClusterEnvironment.Production => Warn("The 'rapid' channel brings new minors to a production cluster as soon as they ship; 'stable' or 'patch' is safer."),
            "rapid" => Pass("The cluster upgrades itself on the 'rapid' channel."),
            "none" => Warn("No auto-upgrade channel: upgrades depend on someone running them."),
            _ => Warn($"Unrecognised upgrade channel '{channel}'."),
        };
    }

    internal static Outcome NodeOsChannelVerdict(Probe probe)
    {
        var channel = probe.Text("properties.autoUpgradeProfile.nodeOSUpgradeChannel") ?? "NodeImage";
        return channel.ToLowerInvariant() switch
        {
            "nodeimage" or "securitypatch" => Pass($"Node OS updates arrive through the '{channel}' channel."),
            "unmanaged" => Warn("Node OS channel 'Unmanaged': nodes patch themselves without coordinated reboots or image updates."),
            "none" => Warn("Node OS channel 'None': no OS security updates are applied."),
            _ => Warn($"Unrecognised node OS upgrade channel '{channel}'."),
        };
    }

    private static Outcome EvaluateMaintenanceWindows(Probe probe)
    {
        if (ClusterChannelVerdict(probe).Status != RuleStatus.Pass && NodeOsChannelVerdict(probe).Status != RuleStatus.Pass)
        {
            return NotApplicable("No automatic upgrades are configured, so there is nothing for a window to schedule (see AKS-OPS-11 and AKS-OPS-12).");
        }

        if (!probe.TryDataSet(AzureDataSets.MaintenanceConfigurations, out var data, out var missing))
        {
            return missing;
        }

        var names = AzureDataProbe.Items(data).Select(c => Json.Text(c["name"]) ?? "").ToList();
        probe.Note("maintenanceConfigurations[].name", string.Join(", ", names));
        var missingWindows = new[] { "aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule" }
            .Where(n => !names.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        return missingWindows.Count switch
        {
            0 => Pass("Cluster and node OS upgrades both run in planned maintenance windows."),
            2 => Fail("No planned maintenance window: automatic upgrades can start at any time."),
            _ => Warn($"Missing maintenance window {RuleText.List(missingWindows)}."),
        };
    }
}
