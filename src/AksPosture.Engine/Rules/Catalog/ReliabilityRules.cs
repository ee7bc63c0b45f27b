using AksPosture.Engine.Assessment;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class ReliabilityRules
{
    public static IEnumerable<Rule> All() =>
        [UserAndSystemPools, UptimeSlaTargets, NetworkPlugin, UptimeSla, AvailabilityZones.Rule, Egress];

    private static readonly Rule UserAndSystemPools = new(new RuleDefinition
    {
        Id = "AKS-REL-03",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Run applications on user node pools; keep enough system nodes",
        Rationale = "Critical add-ons such as CoreDNS and metrics-server live on the system pool. When applications share those nodes, a noisy workload can starve them, and a pool of one node turns every upgrade or node failure into an outage.",
        Remediation = "Add a user node pool with at least two nodes for applications, give the system pool at least three nodes in production, and taint it with CriticalAddonsOnly=true:NoSchedule.",
        RemediationCommand = "az aks nodepool add -g <rg> --cluster-name <cluster> -n apps --mode User --node-count 2 --zones 1 2 3",
        RemediationProperty = "properties.agentPoolProfiles[].mode / count / minCount / nodeTaints",
        SeedReference = "Reliability checklist 3",
        Scope = RuleScope.ClusterAndWorkload,
        LearnMoreUrl = ClusterFacts.LearnBase + "use-system-pools",
    }, probe =>
    {
        var pools = probe.Pools();
        if (pools.Count == 0)
        {
            return NotApplicable("The snapshot lists no agent pools, so node counts cannot be judged.");
        }

        var problems = new List<string>();
        var warnings = new List<string>();
        if (!pools.Any(p => p.IsUserPool) && !probe.NodeAutoProvisioning())
        {
            problems.Add("there is no user node pool, so applications run on the system pool");
        }

        foreach (var pool in pools.Where(p => p.IsSystem))
        {
            switch (pool.GuaranteedNodes)
            {
                case < 2:
                    problems.Add($"system pool '{pool.Name}' can run with {pool.GuaranteedNodes} node(s); at least 2 are required");
                    break;
                case 2 when probe.Environment() != ClusterEnvironment.NonProduction:
                    warnings.Add($"system pool '{pool.Name}' has 2 nodes; 3 are recommended for production");
                    break;
            }
        }

        var userPools = pools.Where(p => p.IsRegularUserPool).ToList();
        foreach (var pool in userPools.Where(p => !p.Autoscaled && p.GuaranteedNodes < 2))
        {
            problems.Add($"user pool '{pool.Name}' has {pool.GuaranteedNodes} node(s); at least 2 keep applications up during node loss");
        }

        // Autoscaled pools may scale from zero on purpose (batch, GPU); that is fine while another user pool
        // always keeps two nodes for the services that must stay up.
        if (userPools.Count > 0 && userPools.All(p => p.GuaranteedNodes < 2) && userPools.Any(p => p.Autoscaled))
        {
            warnings.Add($"no user pool keeps at least 2 nodes at all times ({RuleText.List(userPools.Select(p => p.Name))} can shrink below 2)");
        }

        var onSystemNodes = Workloads.SystemPoolPods.Find(probe);
        if (onSystemNodes.Count > 0)
        {
            problems.Add($"{onSystemNodes.Count} user pod(s) run on system nodes ({RuleText.List(onSystemNodes.Select(f => f.ObjectKey))})");
        }

        return problems.Count > 0 ? Fail(RuleText.Sentence(problems)) with { Objects = onSystemNodes }
            : warnings.Count > 0 ? Warn(RuleText.Sentence(warnings))
            : Pass("Applications have user node pools and every system pool has at least three nodes.");
    });

    private static readonly Rule UptimeSlaTargets = new(new RuleDefinition
    {
        Id = "AKS-REL-04",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Base availability and recovery targets on the cluster's SLA",
        Rationale = "The control plane's financially backed availability depends on the pricing tier and on zones. Targets written without it promise more than the platform does.",
        Remediation = "Choose the Standard or Premium tier for production and record the workload's SLO, RTO and RPO with the AKS SLA as an input.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --tier standard",
        RemediationProperty = "sku.tier",
        SeedReference = "Reliability checklist 4",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Partial,
        CheckId = "uptime-sla",
        LearnMoreUrl = ClusterFacts.LearnBase + "free-standard-pricing-tiers",
    }, probe =>
    {
        var tier = probe.SkuTier();
        var environment = probe.Environment();
        if (!ClusterFacts.IsPaidTier(tier) && environment == ClusterEnvironment.Production)
        {
            return Fail($"Production cluster on the {tier} tier: the control plane has no uptime SLA to base targets on.");
        }

        return Manual($"Tier is {tier}. Confirm the workload's availability and recovery targets are documented and account for the AKS SLA.");
    });

    private static readonly Rule NetworkPlugin = new(new RuleDefinition
    {
        Id = "AKS-REL-07",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Use a network plugin that supports what the cluster needs",
        Rationale = "kubenet cannot host Windows nodes, limits network policy choices and is being retired; Azure CNI (overlay or pod subnet) supports every current feature and scales further.",
        Remediation = "Create new clusters with Azure CNI Overlay; migrate kubenet clusters with an in-place upgrade to overlay.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --network-plugin azure --network-plugin-mode overlay",
        RemediationProperty = "properties.networkProfile.networkPlugin = azure, networkPluginMode = overlay",
        SeedReference = "Reliability recommendation 2",
        LearnMoreUrl = ClusterFacts.LearnBase + "azure-cni-overlay",
    }, probe =>
    {
        var plugin = probe.Text("properties.networkProfile.networkPlugin");
        switch (plugin?.ToLowerInvariant())
        {
            case null:
                return NotApplicable("The snapshot does not report a network plugin.");
            case "azure":
                var mode = probe.Text("properties.networkProfile.networkPluginMode");
                return Pass(mode is null ? "Azure CNI is in use." : $"Azure CNI ({mode}) is in use.");
            case "kubenet":
                var windows = probe.Pools().Where(p => string.Equals(p.Text("osType"), "Windows", StringComparison.OrdinalIgnoreCase)).ToList();
                return windows.Count > 0
                    ? Fail($"kubenet cannot run Windows nodes, yet pool(s) {string.Join(", ", windows.Select(p => p.Name))} are Windows.")
                    : Warn("kubenet is in use: it limits network policy and scale and is being retired. Plan a move to Azure CNI Overlay.");
            case "none":
                return NotApplicable("Bring-your-own CNI: confirm the chosen plugin covers the cluster's requirements.");
            default:
                return Warn($"Unrecognised network plugin '{plugin}'; check it is supported.");
        }
    });

    private static readonly Rule UptimeSla = new(new RuleDefinition
    {
        Id = "AKS-REL-08",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Use the Standard or Premium tier (uptime SLA) for production clusters",
        Rationale = "The Free tier has no financially backed control-plane availability and is sized for experiments; production clusters need the SLA and the larger control plane of the paid tiers.",
        Remediation = "Move production clusters to the Standard tier (Premium when long-term support is needed).",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --tier standard",
        RemediationProperty = "sku.tier = Standard",
        SeedReference = "Reliability recommendation 3",
        CheckId = "uptime-sla",
        Lineage = ["APRL: AKS uptime SLA"],
        LearnMoreUrl = ClusterFacts.LearnBase + "free-standard-pricing-tiers",
    }, probe =>
    {
        var tier = probe.SkuTier();
        if (!ClusterFacts.IsKnownTier(tier))
        {
            return Warn($"Unrecognised tier '{tier}'; expected Free, Standard or Premium.");
        }

        if (ClusterFacts.IsPaidTier(tier))
        {
            return Pass($"The cluster runs on the {tier} tier with an uptime SLA.");
        }

        return probe.Environment() switch
        {
            ClusterEnvironment.Production => Fail("Production cluster on the Free tier: no uptime SLA for the control plane."),
            ClusterEnvironment.NonProduction => NotApplicable("Non-production cluster: the Free tier is acceptable."),
            _ => Warn("Free tier and no environment tag: if this cluster serves production, move it to Standard."),
        };
    });

    private static readonly Rule Egress = new(new RuleDefinition
    {
        Id = "AKS-REL-13",
        Pillar = Pillar.Reliability,
        Severity = Severity.Medium,
        Title = "Use a NAT gateway for egress at scale",
        Rationale = "A load balancer shares a fixed pool of SNAT ports across nodes; busy clusters exhaust it and outbound calls fail intermittently. A NAT gateway gives far more ports per address.",
        Remediation = "Switch outbound to a managed NAT gateway, or route egress through a firewall.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --outbound-type managedNATGateway --nat-gateway-managed-outbound-ip-count 2",
        RemediationProperty = "properties.networkProfile.outboundType = managedNATGateway",
        SeedReference = "Reliability recommendation 8",
        LearnMoreUrl = ClusterFacts.LearnBase + "nat-gateway",
    }, probe =>
    {
        var outbound = probe.Text("properties.networkProfile.outboundType") ?? "loadBalancer";
        return outbound.ToLowerInvariant() switch
        {
            "managednatgateway" => Pass("Egress uses a managed NAT gateway."),
            "userassignednatgateway" => Pass("Egress uses a NAT gateway attached to the node subnet."),
            "userdefinedrouting" => NotApplicable("Egress is routed through a network appliance (see AKS-SEC-16)."),
            "loadbalancer" => NotApplicable("Egress uses the load balancer; SNAT port usage metrics are needed to judge exhaustion and were not collected."),
            "none" or "block" => Manual("The cluster has no managed egress path; confirm the workloads need no outbound connections."),
            _ => Warn($"Unrecognised outbound type '{outbound}'."),
        };
    });
}
