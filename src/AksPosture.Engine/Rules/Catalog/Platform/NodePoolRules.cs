using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>Node pool settings that AKS's own guidance and respected tools check and the guide leaves implicit.</summary>
internal static class NodePoolRules
{
    private const int MinimumSystemMaxPods = 30;
    private const int RecommendedMaxPods = 50;

    public static IEnumerable<Rule> All() => [SystemPoolNodes, EphemeralOsDisks, MaxPods];

    private static readonly Rule SystemPoolNodes = new(new RuleDefinition
    {
        Id = "AKS-REL-16",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Give system node pools at least three nodes",
        Rationale = "With three system nodes, CoreDNS and the other critical add-ons keep a quorum of replicas through a node failure and an upgrade at the same time.",
        Remediation = "Scale each system pool to at least three nodes (or an autoscaler minimum of three).",
        RemediationCommand = "az aks nodepool update -g <rg> --cluster-name <cluster> -n <system-pool> --enable-cluster-autoscaler --min-count 3 --max-count 5",
        RemediationProperty = "properties.agentPoolProfiles[mode=System].count / minCount",
        SeedReference = "Beyond the guide: AKS system node pool guidance; PSRule Azure.AKS.MinNodeCount",
        Lineage = ["PSRule: Azure.AKS.MinNodeCount"],
        // One defect with AKS-REL-03, which already counts system nodes: score it once.
        CheckId = "AKS-REL-03",
        LearnMoreUrl = ClusterFacts.LearnBase + "use-system-pools",
    }, probe =>
    {
        var systemPools = probe.Pools().Where(p => p.IsSystem).ToList();
        if (systemPools.Count == 0)
        {
            return NotApplicable("The snapshot lists no system node pool.");
        }

        var small = systemPools.Where(p => p.GuaranteedNodes is null or < 3).ToList();
        if (small.Count == 0)
        {
            return Pass("Every system pool keeps at least three nodes.");
        }

        var detail = string.Join("; ", small.Select(p => $"'{p.Name}' keeps {p.GuaranteedNodes?.ToString() ?? "an unknown number of"} node(s)"));
        return small.Any(p => p.GuaranteedNodes is < 2) ? Fail($"System pool {detail}.") : Warn($"System pool {detail}; three are recommended.");
    });

    private static readonly Rule EphemeralOsDisks = new(new RuleDefinition
    {
        Id = "AKS-PERF-09",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Low,
        Title = "Use ephemeral OS disks",
        Rationale = "Ephemeral OS disks sit on the VM's local storage: lower latency for the OS and container images, faster node start and re-image, and no managed-disk cost.",
        Remediation = "Create node pools with ephemeral OS disks on VM sizes with enough cache or temp disk, then move workloads.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n <pool> --node-osdisk-type Ephemeral --node-vm-size Standard_D4ds_v5",
        RemediationProperty = "properties.agentPoolProfiles[].osDiskType = Ephemeral",
        SeedReference = "Beyond the guide: AKS ephemeral OS disk guidance; PSRule Azure.AKS.EphemeralOSDisk",
        Lineage = ["PSRule: Azure.AKS.EphemeralOSDisk"],
        LearnMoreUrl = ClusterFacts.LearnBase + "concepts-storage#ephemeral-os-disk",
    }, probe =>
    {
        var pools = probe.Pools().Where(p => !p.Mode.Equals("Gateway", StringComparison.OrdinalIgnoreCase)).ToList();
        var managed = pools.Where(p => string.Equals(p.Text("osDiskType"), "Managed", StringComparison.OrdinalIgnoreCase)).Select(p => p.Name).ToList();
        var unknown = pools.Where(p => p.Text("osDiskType") is null).Select(p => p.Name).ToList();
        if (managed.Count > 0)
        {
            return Warn($"Pool(s) {RuleText.List(managed)} use managed OS disks.");
        }

        if (pools.Count == 0 || unknown.Count == pools.Count)
        {
            return NotApplicable("No pool reports its OS disk type (the default depends on the VM size).");
        }

        return Pass(unknown.Count == 0
            ? "Every node pool uses ephemeral OS disks."
            : $"Pools that report a disk type use ephemeral OS disks; {RuleText.List(unknown)} take the VM size's default.");
    });

    private static readonly Rule MaxPods = new(new RuleDefinition
    {
        Id = "AKS-PERF-10",
        Pillar = Pillar.PerformanceEfficiency,
        Severity = Severity.Medium,
        Title = "Allow enough pods per node",
        Rationale = "Each node runs several DaemonSet pods before any application pod; a low maximum leaves nodes half-empty and forces more nodes than the CPU and memory need. AKS requires at least 30 on system pools.",
        Remediation = "Create pools with a higher maximum pods per node (it is fixed at pool creation), e.g. 110 with Azure CNI Overlay.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n <pool> --max-pods 110",
        RemediationProperty = "properties.agentPoolProfiles[].maxPods",
        SeedReference = "Beyond the guide: AKS maximum pods per node guidance; PSRule Azure.AKS.NodeMinPods",
        Lineage = ["PSRule: Azure.AKS.NodeMinPods"],
        LearnMoreUrl = ClusterFacts.LearnBase + "concepts-network-ip-address-planning",
    }, probe =>
    {
        var pools = probe.Pools().Select(p => (Pool: p, MaxPods: p.Int("maxPods"))).Where(p => p.MaxPods is not null).ToList();
        if (pools.Count == 0)
        {
            return NotApplicable("No pool reports its maximum pods per node.");
        }

        var tooFewOnSystem = pools.Where(p => p.Pool.IsSystem && p.MaxPods < MinimumSystemMaxPods).Select(p => $"'{p.Pool.Name}' ({p.MaxPods})").ToList();
        if (tooFewOnSystem.Count > 0)
        {
            return Fail($"System pool(s) {string.Join(", ", tooFewOnSystem)} allow fewer than {MinimumSystemMaxPods} pods per node.");
        }

        var low = pools.Where(p => p.MaxPods < RecommendedMaxPods).Select(p => $"'{p.Pool.Name}' ({p.MaxPods})").ToList();
        return low.Count > 0
            ? Warn($"Pool(s) {string.Join(", ", low)} allow fewer than {RecommendedMaxPods} pods per node; DaemonSets can use up much of that.")
            : Pass($"Every pool allows at least {RecommendedMaxPods} pods per node.");
    });
}
