using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// AKS-SEC-04: every public entry point sits behind a WAF. The cluster shows where traffic enters; whether an
/// Application Gateway or Front Door WAF fronts it lives outside the cluster, so that part is for a person to confirm.
/// </summary>
internal static class WebApplicationFirewallRule
{
    private const string AgicAddon = "ingressApplicationGateway";
    private const string AgicClass = "azure-application-gateway";
    private const string AgicLegacyClass = "azure/application-gateway";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-04",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Put a web application firewall in front of incoming traffic",
        Rationale = "A WAF inspects HTTP requests for injection, cross-site scripting and other common attacks before they reach application code. A public load balancer that clients can reach directly lets them go around any WAF.",
        Remediation = "Expose HTTP workloads through Application Gateway for Containers / AGIC with a WAF_v2 policy or through Front Door Premium with a WAF policy; make LoadBalancer Services internal, or limit their sources to the WAF.",
        RemediationCommand = "az aks enable-addons -g <rg> -n <cluster> --addons ingress-appgw --appgw-id <waf-v2-gateway-id>",
        RemediationProperty = "Service metadata.annotations[service.beta.kubernetes.io/azure-load-balancer-internal] = \"true\"; properties.addonProfiles.ingressApplicationGateway",
        SeedReference = "Security checklist 4",
        Scope = RuleScope.Workload,
        Automation = Automation.Partial,
        Lineage = ["Azure Policy 3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e"],
        LearnMoreUrl = "https://learn.microsoft.com/azure/web-application-firewall/ag/ag-overview",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Finding the cluster's public entry points");
        }

        var gateway = probe.AddonEnabled(AgicAddon) ? probe.Text($"properties.addonProfiles.{AgicAddon}.config.effectiveApplicationGatewayId") ?? "(id not reported)" : null;
        var findings = EntryPoints.PublicLoadBalancers(probe, inventory).Select(LoadBalancerFinding)
            .Concat(probe.UserObjects(inventory, "Ingress").Select(i => IngressFinding(i, gateway)))
            .ToList();
        probe.Note("kubernetes.publicEntryPoints", $"{findings.Count} public LoadBalancer Service(s) and Ingress(es) in user namespaces");
        if (findings.Count == 0)
        {
            return NotApplicable("No public LoadBalancer Services or Ingresses in user namespaces: there is no entry point for a WAF to protect.");
        }

        var open = findings.Where(f => f.Status == RuleStatus.Fail).ToList();
        if (open.Count > 0)
        {
            return Fail($"{open.Count} public LoadBalancer Service(s) accept traffic from any address, so requests can bypass any WAF: {ObjectIssues.Names(open)}.") with { Objects = findings };
        }

        return Manual($"{findings.Count} entry point(s) need a WAF in front ({ObjectIssues.Names(findings)}). Confirm each is served by an Application Gateway (WAF_v2 with a WAF policy) or Front Door Premium with a WAF policy, or record that it is not reachable from the internet.") with { Objects = findings };
    }

    private static ObjectFinding LoadBalancerFinding(KubernetesObject service)
    {
        var sources = EntryPoints.AllowedSources(service);
        var evidence = new[] { EntryPoints.FieldEvidence(service, "spec.type"), EntryPoints.FieldEvidence(service, "spec.loadBalancerSourceRanges") };
        return sources.Count == 0
            ? ObjectFinding.For(service, RuleStatus.Fail, "Public LoadBalancer open to every address: clients reach the pods directly, so no WAF can sit in front. Make it internal or put it behind a WAF and limit its sources to the WAF.", evidence)
            : ObjectFinding.For(service, RuleStatus.Manual, $"Public LoadBalancer limited to {RuleText.List(sources)}: confirm these sources are a WAF (Front Door or Application Gateway with a WAF policy).", evidence);
    }

    private static ObjectFinding IngressFinding(KubernetesObject ingress, string? gateway)
    {
        var ingressClass = EntryPoints.IngressClass(ingress);
        var evidence = EntryPoints.FieldEvidence(ingress, "spec.ingressClassName");
        if (ingressClass.IsOneOf(AgicClass, AgicLegacyClass))
        {
            return ObjectFinding.For(ingress, RuleStatus.Manual, gateway is null
                ? "Served by Application Gateway (AGIC installed outside the add-on): confirm the gateway is WAF_v2 with a WAF policy."
                : $"Served by Application Gateway {gateway}: confirm it is WAF_v2 with a WAF policy in Prevention mode.", evidence);
        }

        return ObjectFinding.For(ingress, RuleStatus.Manual,
            $"Served by ingress class '{ingressClass ?? "(default)"}': confirm a WAF (Front Door or Application Gateway) fronts that controller, or that the controller is internal only.", evidence);
    }
}
