using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-SEC-16: egress through a virtual appliance (UDR) or an HTTP proxy.</summary>
public class EgressControlRuleTests
{
    private const string Rule = "AKS-SEC-16";
    private const string Outbound = "properties.networkProfile.outboundType";

    private static AzureDataCase WithoutDefaultRoute() =>
        AzureDataCase.For().With("routeTables").Edit("routeTables", d => d[0]!["properties"]!["routes"]!.AsArray().RemoveAt(0));

    [Fact]
    public void Egress_UdrToFirewall_Pass()
    {
        var result = AzureDataCase.For().With("routeTables").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("10.0.1.4", result.Message);
        Assert.Contains(new Evidence("azure.routeTables[rt-aks-egress].routes[default-to-firewall]", "0.0.0.0/0 → VirtualAppliance 10.0.1.4"), result.Evidence);
    }

    [Fact]
    public void Egress_HttpsProxy_PassWithoutNetworkData()
    {
        var result = AzureDataCase.For().Set(Outbound, "loadBalancer").Set("properties.httpProxyConfig.httpsProxy", "https://proxy.contoso.example:3128/").Evaluate(Rule);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.httpProxyConfig.httpsProxy", "\"https://proxy.contoso.example:3128/\""), result.Evidence);
    }

    [Fact]
    public void Egress_UdrWithoutDefaultRouteUndeclared_Warns()
    {
        var result = WithoutDefaultRoute().Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no 0.0.0.0/0 route to a virtual appliance", result.Message);
    }

    [Fact]
    public void Egress_LoadBalancerOnClusterThatMustControlEgress_Fails()
    {
        var result = AzureDataCase.For().Set(Outbound, "loadBalancer").Set("tags.egress-control-required", "true").Evaluate(Rule);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("outbound type is loadBalancer", result.Message);
    }

    [Fact]
    public void Egress_DeclaredNotRequired_NotApplicable()
    {
        var result = WithoutDefaultRoute().Set("tags.egress-control-required", "no").Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("tags.egress-control-required", "\"no\""), result.Evidence);
    }

    [Fact]
    public void Egress_UdrWithoutRouteTables_NotApplicable()
    {
        var result = AzureDataCase.For().Evaluate(Rule);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("'routeTables' was not collected", result.Message);
    }

    [Fact]
    public void Egress_RouteTablesCollectionFailed_Error()
    {
        var result = AzureDataCase.For().Failed("routeTables", "AuthorizationFailed", "Microsoft.Network/routeTables/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
    }
}
