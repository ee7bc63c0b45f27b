using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-03: the API server is off the open internet and pod traffic is filtered namespace by namespace.</summary>
internal static class SegmentationRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-03",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Segment the cluster: restrict the API server and filter pod traffic",
        Rationale = "Segmentation contains a breach: an API server reachable only from known networks cannot be attacked from anywhere, and NetworkPolicies stop a compromised pod from reaching everything else in the cluster.",
        Remediation = "Make the cluster private or set authorised IP ranges without 0.0.0.0/0, enable a network policy engine, and give every application namespace a default-deny NetworkPolicy plus the allow rules it needs.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --api-server-authorized-ip-ranges <cidr>",
        RemediationProperty = "properties.apiServerAccessProfile.{enablePrivateCluster, authorizedIPRanges}, properties.networkProfile.networkPolicy, NetworkPolicy per namespace",
        SeedReference = "Security checklist 3",
        Scope = RuleScope.ClusterAndWorkload,
        Lineage =
        [
            "Azure Policy 040732e8-d947-40b8-95d6-854c95024bf8",
            "Azure Policy 0e246bcf-5f6f-4f87-bc6f-775d4712c7ea",
            "PSRule: Azure.AKS.AuthorizedIPs",
            "PSRule: Azure.AKS.NetworkPolicy",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "operator-best-practices-network",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (ApiServerExposure(probe) is { } exposed)
        {
            return Fail(exposed);
        }

        var engine = probe.Text("properties.networkProfile.networkPolicy") ?? "none";
        if (!engine.IsOneOf(NetworkPolicyCoverage.Engines))
        {
            // Without an engine NetworkPolicies do nothing, so collecting them could not change this verdict.
            return Warn(engine.IsOneOf("none", "")
                ? "The API server is restricted, but no network policy engine filters pod traffic (see AKS-SEC-13)."
                : $"The API server is restricted, but the network policy engine '{engine}' is not one AKS supports (azure, calico, cilium).");
        }

        if (probe.Kubernetes() is not { } inventory)
        {
            var missing = probe.WithoutKubernetes("Checking NetworkPolicy coverage of user namespaces");
            return missing with { Message = $"The API server is restricted and the {engine} engine is on. {missing.Message}" };
        }

        var uncovered = NetworkPolicyCoverage.NamespacesWithoutPolicy(probe, inventory);
        return uncovered.Count == 0
            ? Pass($"The API server is restricted, the {engine} engine is on and every user namespace that runs workloads has a NetworkPolicy.")
            : Warn($"The API server is restricted and the {engine} engine is on, but {uncovered.Count} user namespace(s) have no NetworkPolicy: {ObjectIssues.Names(uncovered)}.") with { Objects = uncovered };
    }

    /// <summary>Why the API server is open to the internet, or null when it is private or behind an allowlist.</summary>
    private static string? ApiServerExposure(Probe probe)
    {
        // publicNetworkAccess Disabled removes the public endpoint as surely as a private cluster does.
        if (probe.IsPrivateCluster() || string.Equals(probe.Text("properties.publicNetworkAccess"), "Disabled", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ranges = probe.TextList(ApiServerRules.AuthorizedRangesPath);
        if (ranges.Count == 0)
        {
            return "The API server is public and accepts connections from any IP address.";
        }

        return ranges.Any(ApiServerRules.IsOpenToAll) ? "The API server's authorised ranges include 0.0.0.0/0, which admits every address." : null;
    }
}
