using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-POL-11 (volumes), AKS-POL-12 (pod networking) and AKS-POL-13 (default namespace).</summary>
public class WorkloadPolicyRulesTests
{
    private static RuleResult Run(string ruleId, string fileName) => Of(Load(MostlyCompliant)).WithKubernetes(fileName).Evaluate(ruleId);

    private static RuleResult Run(string ruleId, JsonNode list) => Of(Load(MostlyCompliant)).WithKubernetes(list).Evaluate(ruleId);

    [Fact]
    public void Pol11_HostPathAndFlexVolume_Fail()
    {
        var result = Run("AKS-POL-11", Violations);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["shop/Deployment/log-reader", "shop/Deployment/flex-mounter", "shop/Deployment/writable-root"], ObjectKeys(result));
        Assert.Equal("Mounts host path \"/var/log\" (volume 'varlog').", Finding(result, "shop/Deployment/log-reader").Message);
        Assert.Equal("Uses FlexVolume driver \"contoso/cifs\" (volume 'share').", Finding(result, "shop/Deployment/flex-mounter").Message);
        Assert.Contains(new Evidence("shop/Deployment/log-reader: volumes[varlog].hostPath.path", "\"/var/log\""), Finding(result, "shop/Deployment/log-reader").Evidence);
    }

    [Fact]
    public void Pol11_OnlyWritableRootFilesystem_Warns()
    {
        var result = Run("AKS-POL-11", Only(Violations, "shop/Deployment/writable-root", "shop/Deployment/escalator"));

        Assert.Equal(RuleStatus.Warn, result.Status);
        var finding = Finding(result, "shop/Deployment/writable-root");
        Assert.Equal(RuleStatus.Warn, finding.Status);
        Assert.Contains(new Evidence("shop/Deployment/writable-root: containers[app].securityContext.readOnlyRootFilesystem", "false"), finding.Evidence);
    }

    [Fact]
    public void Pol11_Clean_Passes()
    {
        var result = Run("AKS-POL-11", Clean);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.volumes", "3 user workload(s): 0 mount host paths or FlexVolumes, 0 only have writable root filesystems"), result.Evidence);
    }

    [Fact]
    public void Pol11_NoUserWorkloads_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Run("AKS-POL-11", Only(Clean, "kube-system/DaemonSet/azure-cns")).Status);
    }

    [Fact]
    public void Pol12_HostNetworkHostPortExternalIpsAndPlainHttpIngress_Fail()
    {
        var result = Run("AKS-POL-12", Violations);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["shop/Deployment/port-grabber", "shop/DaemonSet/node-spy", "shop/Service/legacy-gateway", "shop/Ingress/storefront"], ObjectKeys(result));
        Assert.Equal("Container 'app' binds host port(s) 8080.", Finding(result, "shop/Deployment/port-grabber").Message);
        Assert.Equal("Uses the node's network (hostNetwork: true).", Finding(result, "shop/DaemonSet/node-spy").Message);
        Assert.Contains(new Evidence("shop/Service/legacy-gateway: spec.externalIPs", """["203.0.113.10"]"""), Finding(result, "shop/Service/legacy-gateway").Evidence);
        Assert.Contains(new Evidence("shop/Ingress/storefront: spec.tls", null), Finding(result, "shop/Ingress/storefront").Evidence);
        Assert.Contains(new Evidence("kubernetes.publicLoadBalancers", "2 public LoadBalancer Service(s), judged by AKS-SEC-04"), result.Evidence);
    }

    [Fact]
    public void Pol12_Clean_Passes()
    {
        var result = Run("AKS-POL-12", Clean);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.publicLoadBalancers", "0 public LoadBalancer Service(s), judged by AKS-SEC-04"), result.Evidence);
    }

    [Fact]
    public void Pol12_NothingInUserNamespaces_IsNotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, Run("AKS-POL-12", Only(Clean, "Namespace/shop", "kube-system/DaemonSet/azure-cns")).Status);
    }

    [Fact]
    public void Pol13_WorkloadInDefaultNamespace_Fails()
    {
        var result = Run("AKS-POL-13", Violations);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["default/CronJob/nightly-report"], ObjectKeys(result));
        Assert.Contains(new Evidence("default/CronJob/nightly-report: metadata.namespace", "\"default\""), Finding(result, "default/CronJob/nightly-report").Evidence);
    }

    [Fact]
    public void Pol13_Clean_Passes()
    {
        var result = Run("AKS-POL-13", Clean);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.defaultNamespace", "0 workload(s) in the default namespace"), result.Evidence);
    }
}
