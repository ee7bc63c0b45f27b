using System.Text.Json.Nodes;
using AksPosture.Engine.Assessment;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-SEC-16: outbound traffic passes a firewall (UDR to a virtual appliance) or an HTTP proxy. Route table shape verified
/// against Microsoft.Network 2024-05-01 RouteTableGet.json (properties.routes[].properties.addressPrefix / nextHopType).
/// </summary>
internal static class EgressControlRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-16",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Route cluster egress through a firewall or HTTP proxy",
        Rationale = "Unfiltered egress lets a compromised pod download tools and send data anywhere; a firewall or proxy limits outbound traffic to the destinations the cluster needs and logs the rest.",
        Remediation = "Use outbound type userDefinedRouting with a 0.0.0.0/0 route to Azure Firewall (or another appliance) on the node subnet, or configure the cluster HTTP proxy.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --outbound-type userDefinedRouting",
        RemediationProperty = "properties.networkProfile.outboundType = userDefinedRouting (route 0.0.0.0/0 → VirtualAppliance) or properties.httpProxyConfig",
        SeedReference = "Security recommendation 10",
        LearnMoreUrl = ClusterFacts.LearnBase + "limit-egress-traffic",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if ((probe.Text("properties.httpProxyConfig.httpsProxy") ?? probe.Text("properties.httpProxyConfig.httpProxy")) is { Length: > 0 })
        {
            return Pass("Egress goes through the configured HTTP(S) proxy.");
        }

        var outbound = probe.Text("properties.networkProfile.outboundType") ?? "loadBalancer";
        string why;
        if (outbound.Equals("userDefinedRouting", StringComparison.OrdinalIgnoreCase))
        {
            if (!probe.TryDataSet(DataSetNames.RouteTables, out var data, out var missing))
            {
                return missing;
            }

            if (DefaultRouteToAppliance(probe, AzureJson.Items(data)) is { } nextHop)
            {
                return Pass($"Egress is routed (0.0.0.0/0) to the virtual appliance at {nextHop}.");
            }

            why = "the node subnet's route table has no 0.0.0.0/0 route to a virtual appliance";
        }
        else
        {
            why = $"outbound type is {outbound} and no HTTP proxy is configured";
        }

        return probe.RequiresEgressControl() switch
        {
            true => Fail($"The cluster must control egress, but {why}."),
            false => NotApplicable($"The cluster is declared not to need egress control ({why})."),
            null => Warn($"Egress is not inspected: {why}. Declare whether egress control is required (tag 'egress-control-required')."),
        };
    }

    // Route tables carry the subnets they are linked to; when they do, only those of the node subnets count.
    private static string? DefaultRouteToAppliance(Probe probe, IReadOnlyList<JsonObject> tables)
    {
        var nodeSubnets = probe.Pools().Select(p => p.Text("vnetSubnetID")).OfType<string>().ToList();
        var relevant = tables.Where(t => AzureJson.Objects(t, "properties.subnets") is var linked
            && (linked.Count == 0 || nodeSubnets.Count == 0 || linked.Any(s => nodeSubnets.Any(n => AzureJson.SameId(AzureJson.Text(s, "id"), n))))).ToList();
        foreach (var table in relevant)
        {
            foreach (var route in AzureJson.Objects(table, "properties.routes"))
            {
                var prefix = AzureJson.Text(route, "properties.addressPrefix");
                var hop = AzureJson.Text(route, "properties.nextHopType");
                probe.Note($"azure.routeTables[{AzureJson.Name(table)}].routes[{AzureJson.Name(route)}]", $"{prefix} → {hop} {AzureJson.Text(route, "properties.nextHopIpAddress")}".TrimEnd());
                if (prefix == "0.0.0.0/0" && string.Equals(hop, "VirtualAppliance", StringComparison.OrdinalIgnoreCase))
                {
                    return AzureJson.Text(route, "properties.nextHopIpAddress") ?? "an unnamed address";
                }
            }
        }

        return null;
    }
}
