using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules.Catalog.PodSecurity;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class ApiServerRules
{
    internal const string AuthorizedRangesPath = "properties.apiServerAccessProfile.authorizedIPRanges";

    public static IEnumerable<Rule> All() => [PrivateCluster, AuthorizedRanges, NetworkPolicyEngine, ApiServerAccessPolicy, RunCommand];

    private static readonly Rule PrivateCluster = new(new RuleDefinition
    {
        Id = "AKS-SEC-10",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Use a private API server where segmentation requires it",
        Rationale = "A private cluster's API server has no public address at all, which removes the whole internet from its attack surface.",
        Remediation = "Create the cluster as private, or use API server VNet integration and turn on private access.",
        RemediationCommand = "az aks create ... --enable-private-cluster",
        RemediationProperty = "properties.apiServerAccessProfile.enablePrivateCluster = true",
        SeedReference = "Security recommendation 4",
        Lineage = ["Azure Policy 040732e8-d947-40b8-95d6-854c95024bf8"],
        LearnMoreUrl = ClusterFacts.LearnBase + "private-clusters",
    }, probe =>
    {
        if (probe.IsPrivateCluster())
        {
            return Pass("The API server is private.");
        }

        return probe.RequiresPrivateApi() == true
            ? Fail("The API server has a public endpoint, but this cluster is declared to need private API access.")
            : Warn("The API server has a public endpoint; restrict it with authorised IP ranges (AKS-SEC-11) or make the cluster private.");
    });

    private static readonly Rule AuthorizedRanges = new(new RuleDefinition
    {
        Id = "AKS-SEC-11",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Restrict a public API server to authorised IP ranges",
        Rationale = "A public API server open to every address invites credential stuffing and exploits of the next API server vulnerability. An allowlist limits callers to known networks.",
        Remediation = "Set authorised IP ranges to the addresses of your build agents, admin networks and egress IPs.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --api-server-authorized-ip-ranges 203.0.113.0/24",
        RemediationProperty = "properties.apiServerAccessProfile.authorizedIPRanges",
        SeedReference = "Security recommendation 5",
        Lineage = ["Azure Policy 0e246bcf-5f6f-4f87-bc6f-775d4712c7ea"],
        LearnMoreUrl = ClusterFacts.LearnBase + "api-server-authorized-ip-ranges",
    }, probe =>
    {
        if (probe.IsPrivateCluster())
        {
            return NotApplicable("The API server is private, so there is no public endpoint to restrict.");
        }

        var ranges = probe.TextList(AuthorizedRangesPath);
        if (ranges.Count == 0)
        {
            return Fail("The public API server accepts connections from any IP address.");
        }

        return ranges.Any(IsOpenToAll)
            ? Fail("The authorised ranges include 0.0.0.0/0, which admits every address.")
            : Pass($"The public API server only accepts {ranges.Count} authorised range(s).");
    });

    private static readonly Rule NetworkPolicyEngine = new(new RuleDefinition
    {
        Id = "AKS-SEC-13",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Enforce Kubernetes network policies",
        Rationale = "Without a network policy engine every pod can reach every other pod, so one compromised workload can probe the whole cluster. An engine lets namespaces default to deny.",
        Remediation = "Enable a network policy engine (Cilium with Azure CNI Powered by Cilium, or Azure / Calico), then add a default-deny NetworkPolicy to each application namespace.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --network-policy cilium --network-dataplane cilium",
        RemediationProperty = "properties.networkProfile.networkPolicy",
        SeedReference = "Security recommendation 7",
        Scope = RuleScope.ClusterAndWorkload,
        Lineage = ["PSRule: Azure.AKS.NetworkPolicy"],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-network-policies",
    }, probe =>
    {
        var engine = probe.Text("properties.networkProfile.networkPolicy") ?? "none";
        if (engine.IsOneOf(NetworkPolicyCoverage.Engines))
        {
            return NamespaceCoverage(probe, engine);
        }

        return engine.IsOneOf("none", "")
            ? Fail("No network policy engine: NetworkPolicy objects would have no effect and all pod traffic is allowed.")
            : Warn($"Unrecognised network policy engine '{engine}'.");
    });

    private static readonly Rule ApiServerAccessPolicy = new(new RuleDefinition
    {
        Id = "AKS-POL-04",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "API server network access is restricted (private cluster or authorised ranges)",
        Rationale = "Azure Policy audits that the API server is either private or limited to an allowlist; either one keeps the control plane off the open internet.",
        Remediation = "Make the cluster private or set authorised IP ranges.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --api-server-authorized-ip-ranges <cidr>",
        RemediationProperty = "properties.apiServerAccessProfile.enablePrivateCluster or .authorizedIPRanges",
        SeedReference = "Azure policies: API server network access",
        Lineage = ["Azure Policy 040732e8-d947-40b8-95d6-854c95024bf8", "Azure Policy 0e246bcf-5f6f-4f87-bc6f-775d4712c7ea"],
        LearnMoreUrl = ClusterFacts.LearnBase + "api-server-authorized-ip-ranges",
    }, probe =>
    {
        if (probe.IsPrivateCluster())
        {
            return Pass("The API server is private.");
        }

        var ranges = probe.TextList(AuthorizedRangesPath);
        return ranges.Count > 0 && !ranges.Any(IsOpenToAll)
            ? Pass("The public API server is limited to authorised ranges.")
            : Fail("The API server is public and not limited to authorised ranges.");
    });

    private static readonly Rule RunCommand = new(new RuleDefinition
    {
        Id = "AKS-POL-08",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Disable command invoke (run command)",
        Rationale = "Run command lets anyone with the right Azure role execute kubectl inside the cluster through ARM, bypassing the network controls that protect a private API server.",
        Remediation = "Disable run command and reach the API server through your private network or a jump host.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --disable-run-command",
        RemediationProperty = "properties.apiServerAccessProfile.disableRunCommand = true",
        SeedReference = "Azure policies: prevent command invoke",
        Lineage = ["Azure Policy 89f2d532-c53c-4f8f-9afa-4927b1114a0d"],
        LearnMoreUrl = ClusterFacts.LearnBase + "access-private-cluster",
    }, probe => probe.Bool("properties.apiServerAccessProfile.disableRunCommand") == true
        ? Pass("Run command is disabled.")
        : Fail("Run command is enabled (the default when disableRunCommand is absent)."));

    internal static bool IsOpenToAll(string range) => range.Trim() is "0.0.0.0/0" or "0.0.0.0" or "::/0";

    /// <summary>With an engine on, the namespaces left without a NetworkPolicy decide between PASS and WARN.</summary>
    private static Outcome NamespaceCoverage(Probe probe, string engine)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return Pass($"The {engine} network policy engine is enabled; namespace coverage is judged from Kubernetes objects when they are collected.");
        }

        var uncovered = NetworkPolicyCoverage.NamespacesWithoutPolicy(probe, inventory);
        return uncovered.Count == 0
            ? Pass($"The {engine} network policy engine is enabled and every user namespace that runs workloads has a NetworkPolicy.")
            : Warn($"The {engine} network policy engine is enabled, but {uncovered.Count} user namespace(s) have no NetworkPolicy: {RuleText.List(uncovered.Select(f => f.ObjectKey["Namespace/".Length..]))}.") with { Objects = uncovered };
    }
}
