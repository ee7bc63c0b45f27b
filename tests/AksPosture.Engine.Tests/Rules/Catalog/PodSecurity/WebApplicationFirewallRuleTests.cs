using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-04.</summary>
public class WebApplicationFirewallRuleTests
{
    private const string GatewayId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-edge/providers/Microsoft.Network/applicationGateways/agw-contoso-weu";

    [Fact]
    public void Sec04_PublicLoadBalancerOpenToAll_Fails()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-04");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["shop/Service/storefront", "shop/Service/partner-api", "shop/Ingress/storefront"], ObjectKeys(result));
        Assert.Equal(RuleStatus.Fail, Finding(result, "shop/Service/storefront").Status);
        Assert.Contains(new Evidence("shop/Service/storefront: spec.type", "\"LoadBalancer\""), Finding(result, "shop/Service/storefront").Evidence);
        Assert.Contains(new Evidence("kubernetes.publicEntryPoints", "3 public LoadBalancer Service(s) and Ingress(es) in user namespaces"), result.Evidence);
    }

    [Fact]
    public void Sec04_LoadBalancerLimitedToSources_AsksWhetherTheSourcesAreAWaf()
    {
        var finding = Finding(Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-04"), "shop/Service/partner-api");

        Assert.Equal(RuleStatus.Manual, finding.Status);
        Assert.Contains("'198.51.100.0/24'", finding.Message);
    }

    [Fact]
    public void Sec04_OnlyIngresses_IsManual()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).Evaluate("AKS-SEC-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Equal(["shop/Ingress/web"], ObjectKeys(result));
        Assert.Contains("ingress class 'webapprouting.kubernetes.azure.com'", Finding(result, "shop/Ingress/web").Message);
    }

    [Fact]
    public void Sec04_IngressServedByAgicAddon_NamesTheGatewayToConfirm()
    {
        var list = Read(Clean);
        Item(list, "shop/Ingress/web")["spec"]!["ingressClassName"] = "azure-application-gateway";
        var cluster = Load(MostlyCompliant)
            .Set("properties.addonProfiles.ingressApplicationGateway", new { enabled = true, config = new { effectiveApplicationGatewayId = GatewayId } });

        var result = Of(cluster).WithKubernetes(list).Evaluate("AKS-SEC-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(GatewayId, Finding(result, "shop/Ingress/web").Message);
        Assert.Contains(new Evidence("properties.addonProfiles.ingressApplicationGateway.config.effectiveApplicationGatewayId", $"\"{GatewayId}\""), result.Evidence);
    }

    [Fact]
    public void Sec04_ServiceTagAnnotationLimitsSources_IsManual()
    {
        var list = Only(Violations, "shop/Service/storefront");
        var metadata = Assert.IsType<JsonObject>(Item(list, "shop/Service/storefront")["metadata"]);
        metadata["annotations"] = new JsonObject { ["service.beta.kubernetes.io/azure-allowed-service-tags"] = "AzureFrontDoor.Backend" };

        var result = Of(Load(MostlyCompliant)).WithKubernetes(list).Evaluate("AKS-SEC-04");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("'AzureFrontDoor.Backend'", Finding(result, "shop/Service/storefront").Message);
    }

    [Fact]
    public void Sec04_NoPublicEntryPoints_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Without(Clean, "shop/Ingress/web")).Evaluate("AKS-SEC-04");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("kubernetes.publicEntryPoints", "0 public LoadBalancer Service(s) and Ingress(es) in user namespaces"), result.Evidence);
    }
}
