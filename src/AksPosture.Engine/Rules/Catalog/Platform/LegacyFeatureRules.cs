using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>Retired or legacy features that AKS guidance and respected tools flag.</summary>
internal static class LegacyFeatureRules
{
    public static IEnumerable<Rule> All() => [StandardLoadBalancer, HttpApplicationRouting, PodIdentity];

    private static readonly Rule StandardLoadBalancer = new(new RuleDefinition
    {
        Id = "AKS-REL-15",
        Pillar = Pillar.Reliability,
        Severity = Severity.High,
        Title = "Use the Standard load balancer",
        Rationale = "The Basic load balancer has no availability-zone support and no SLA, supports a single node pool, and has been retired; only Standard is supported for AKS.",
        Remediation = "Migrate the cluster to the Standard load balancer (this needs a new cluster or the documented migration).",
        RemediationCommand = "az aks create ... --load-balancer-sku standard",
        RemediationProperty = "properties.networkProfile.loadBalancerSku = standard",
        SeedReference = "Beyond the guide: AKS load balancer guidance; PSRule Azure.AKS.StandardLB",
        Lineage = ["PSRule: Azure.AKS.StandardLB"],
        LearnMoreUrl = ClusterFacts.LearnBase + "load-balancer-standard",
    }, probe =>
    {
        var sku = probe.Text("properties.networkProfile.loadBalancerSku") ?? "standard";
        return sku.ToLowerInvariant() switch
        {
            "standard" => Pass("The cluster uses the Standard load balancer (the default when the SKU is absent)."),
            "basic" => Fail("The cluster uses the retired Basic load balancer."),
            _ => Warn($"Unrecognised load balancer SKU '{sku}'."),
        };
    });

    private static readonly Rule HttpApplicationRouting = new(new RuleDefinition
    {
        Id = "AKS-SEC-19",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Remove the retired HTTP application routing add-on",
        Rationale = "The HTTP application routing add-on was built for experiments, is retired and gets no fixes; it exposes services through a public DNS zone without TLS.",
        Remediation = "Disable the add-on and move ingress to the application routing add-on (managed NGINX) or another supported ingress controller.",
        RemediationCommand = "az aks disable-addons -g <rg> -n <cluster> --addons http_application_routing && az aks approuting enable -g <rg> -n <cluster>",
        RemediationProperty = "properties.addonProfiles.httpApplicationRouting.enabled = false; properties.ingressProfile.webAppRouting.enabled = true",
        SeedReference = "Beyond the guide: AKS HTTP application routing retirement; PSRule Azure.AKS.HttpAppRouting",
        Lineage = ["PSRule: Azure.AKS.HttpAppRouting"],
        LearnMoreUrl = ClusterFacts.LearnBase + "app-routing",
    }, probe => probe.AddonEnabled("httpApplicationRouting")
        ? Fail("The retired HTTP application routing add-on is enabled.")
        : Pass("The HTTP application routing add-on is not enabled."));

    private static readonly Rule PodIdentity = new(new RuleDefinition
    {
        Id = "AKS-SEC-20",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Remove the deprecated pod-managed identity add-on",
        Rationale = "Pod-managed identity intercepts metadata traffic on every node and is deprecated; Microsoft Entra Workload ID replaces it without node-level components.",
        Remediation = "Move workloads to Workload ID with federated credentials, then disable pod identity.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --disable-pod-identity",
        RemediationProperty = "properties.podIdentityProfile.enabled = false",
        SeedReference = "Beyond the guide: AKS pod-managed identity deprecation; PSRule Azure.AKS.PodIdentity",
        Lineage = ["PSRule: Azure.AKS.PodIdentity"],
        // The same defect AKS-SEC-08 fails on; scored once in Security.
        CheckId = "AKS-SEC-08",
        LearnMoreUrl = ClusterFacts.LearnBase + "workload-identity-migrate-from-pod-identity",
    }, probe => probe.Bool("properties.podIdentityProfile.enabled") == true
        ? Fail("The deprecated pod-managed identity add-on is enabled.")
        : Pass("Pod-managed identity is not enabled."));
}
