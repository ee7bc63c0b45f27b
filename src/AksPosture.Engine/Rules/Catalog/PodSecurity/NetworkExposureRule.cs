using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// AKS-POL-12: pods stay off the node's network, Services claim no external IPs and Ingresses serve HTTPS.
/// Public LoadBalancer Services are counted here but judged by AKS-SEC-04, so one exposure is not scored twice.
/// </summary>
internal static class NetworkExposureRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-POL-12",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Pods use no host network or host ports, Services no external IPs, Ingresses only HTTPS",
        Rationale = "Host networking and host ports bypass NetworkPolicies and expose pods on the node's own addresses; a Service's externalIPs can hijack traffic for any address (CVE-2020-8554); an Ingress without TLS sends credentials in clear text.",
        Remediation = "Remove hostNetwork and hostPort and expose pods through Services; drop externalIPs (use a LoadBalancer Service instead); add a tls section with a certificate to every Ingress.",
        RemediationCommand = "kubectl patch service <name> -n <namespace> --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/externalIPs\"}]'",
        RemediationProperty = "spec.hostNetwork, containers[].ports[].hostPort, Service spec.externalIPs, Ingress spec.tls",
        SeedReference = "Azure policies: pod and container networking",
        Scope = RuleScope.ClusterAndWorkload,
        Lineage =
        [
            "Azure Policy 82985f06-dc18-4a48-bc1c-b9f4f0098cfe",
            "Azure Policy d46c275d-1680-448d-b2ec-e495a3b6cc89",
            "Azure Policy 1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d",
            "Azure Policy 3fc4dc25-5baf-40d8-9b05-7fe74c1bc64e",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-azure-policy",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("The pod networking check");
        }

        var workloads = probe.UserWorkloads(inventory);
        var services = probe.UserObjects(inventory, "Service");
        var ingresses = probe.UserObjects(inventory, "Ingress");
        probe.Note("kubernetes.publicLoadBalancers", $"{EntryPoints.PublicLoadBalancers(probe, inventory).Count} public LoadBalancer Service(s), judged by AKS-SEC-04");
        if (workloads.Count + services.Count + ingresses.Count == 0)
        {
            return NotApplicable("No workloads, Services or Ingresses in user namespaces.");
        }

        var findings = workloads.Select(HostNetworking)
            .Concat(services.Where(s => EntryPoints.HasItems(s, "spec.externalIPs")).Select(s => ObjectFinding.For(s, RuleStatus.Fail,
                "Claims external IPs: any address listed here is routed to this Service, which lets a namespace owner intercept traffic meant for others.",
                EntryPoints.FieldEvidence(s, "spec.externalIPs"))))
            .Concat(ingresses.Where(i => !EntryPoints.HasItems(i, "spec.tls")).Select(i => ObjectFinding.For(i, RuleStatus.Fail,
                "Has no tls section, so the ingress controller serves it over plain HTTP.", EntryPoints.FieldEvidence(i, "spec.tls"))))
            .OfType<ObjectFinding>()
            .ToList();

        return findings.Count > 0
            ? Fail($"{findings.Count} object(s) use the host network or host ports, external IPs, or Ingress without TLS: {ObjectIssues.Names(findings)}.") with { Objects = findings }
            : Pass($"No user workload uses the host network or host ports, no Service claims external IPs and all {ingresses.Count} Ingress(es) have TLS.");
    }

    private static ObjectFinding? HostNetworking(Workload workload)
    {
        var issues = new List<Issue>();
        if (workload.PodBool("hostNetwork") == true)
        {
            issues.Add(new(RuleStatus.Fail, "uses the node's network (hostNetwork: true)", workload.PodEvidence("hostNetwork")));
        }

        foreach (var container in workload.Containers())
        {
            var hostPorts = HostPorts(workload, container);
            if (hostPorts.Count > 0)
            {
                issues.Add(new(RuleStatus.Fail, $"container '{workload.ContainerName(container)}' binds host port(s) {string.Join(", ", hostPorts)}",
                    KubernetesProbe.ContainerEvidence(workload, container, "ports")));
            }
        }

        return issues.Count == 0 ? null : ObjectIssues.Finding(workload.Object.Key, issues);
    }

    private static List<int?> HostPorts(Workload workload, JsonObject container)
    {
        var hostPorts = new List<int?>();
        if (Navigate(container, "ports") is not JsonArray ports)
        {
            return hostPorts;
        }

        foreach (var port in ports)
        {
            // The path names the container, so it is spelt out only for a port that cannot be read.
            if (!TryInt(port?["hostPort"], out var hostPort))
            {
                throw new UnreadableValueException($"{workload.Object.Key}: containers[{workload.ContainerName(container)}].ports[].hostPort", ExpectedInt);
            }

            if (hostPort > 0)
            {
                hostPorts.Add(hostPort);
            }
        }

        return hostPorts;
    }
}
