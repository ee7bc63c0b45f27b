using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-15, AKS-POL-09 and AKS-POL-10: one "pod-security" check under three seed items.</summary>
public class PodSecurityCheckTests
{
    private static RuleResult Run(string ruleId, JsonNode list) => Of(Load(MostlyCompliant)).WithKubernetes(list).Evaluate(ruleId);

    private static RuleResult Run(string ruleId, string fileName) => Of(Load(MostlyCompliant)).WithKubernetes(fileName).Evaluate(ruleId);

    [Theory]
    [InlineData("AKS-SEC-15")]
    [InlineData("AKS-POL-09")]
    [InlineData("AKS-POL-10")]
    public void PodSecurity_Violations_FailNamingEveryOffendingWorkload(string ruleId)
    {
        var result = Run(ruleId, Violations);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal("pod-security", result.CheckId);
        Assert.Equal(
        [
            "shop/Deployment/privileged-agent", "shop/Deployment/escalator", "shop/Deployment/root-runner",
            "shop/Deployment/net-tuner", "shop/Deployment/sysctl-tuner", "shop/Deployment/seccomp-off",
            "shop/Deployment/apparmor-off", "shop/Deployment/selinux-custom", "shop/Deployment/token-mounter",
            "shop/DaemonSet/node-spy",
        ], ObjectKeys(result));
        Assert.StartsWith("7 of 19 user workload(s) break the Pod Security baseline", result.Message);
        Assert.Contains(new Evidence("kubernetes.podSecurity", "19 user workload(s): 7 break the baseline, 3 miss restricted settings"), result.Evidence);
    }

    [Theory]
    [InlineData("shop/Deployment/privileged-agent", RuleStatus.Fail, "Container 'app' is privileged", "shop/Deployment/privileged-agent: containers[app].securityContext.privileged", "true")]
    [InlineData("shop/Deployment/escalator", RuleStatus.Warn, "Container 'app' allows privilege escalation", "shop/Deployment/escalator: containers[app].securityContext.allowPrivilegeEscalation", "true")]
    [InlineData("shop/Deployment/root-runner", RuleStatus.Warn, "Container 'app' runs as root (runAsUser: 0)", "shop/Deployment/root-runner: securityContext.runAsUser", "0")]
    [InlineData("shop/DaemonSet/node-spy", RuleStatus.Fail, "Shares the node's process namespace (hostPID: true); shares the node's IPC namespace (hostIPC: true); shares the node's network namespace (hostNetwork: true)", "shop/DaemonSet/node-spy: hostIPC", "true")]
    [InlineData("shop/Deployment/net-tuner", RuleStatus.Fail, "Container 'app' adds capabilities 'NET_ADMIN', 'SYS_ADMIN' beyond the baseline set", "shop/Deployment/net-tuner: containers[app].securityContext.capabilities.add", """["NET_ADMIN","SYS_ADMIN"]""")]
    [InlineData("shop/Deployment/sysctl-tuner", RuleStatus.Fail, "Sets sysctl 'kernel.msgmax', which reaches beyond the pod", "shop/Deployment/sysctl-tuner: securityContext.sysctls", """[{"name":"kernel.msgmax","value":"65536"},{"name":"net.ipv4.tcp_syncookies","value":"1"}]""")]
    [InlineData("shop/Deployment/seccomp-off", RuleStatus.Fail, "Container 'app' runs with seccomp Unconfined", "shop/Deployment/seccomp-off: securityContext.seccompProfile.type", "\"Unconfined\"")]
    [InlineData("shop/Deployment/apparmor-off", RuleStatus.Fail, "Container 'app' runs with AppArmor unconfined (annotation)", "shop/Deployment/apparmor-off: annotations[container.apparmor.security.beta.kubernetes.io/app]", "\"unconfined\"")]
    [InlineData("shop/Deployment/selinux-custom", RuleStatus.Fail, "Container 'app' overrides its SELinux context", "shop/Deployment/selinux-custom: containers[app].securityContext.seLinuxOptions", """{"type":"spc_t"}""")]
    [InlineData("shop/Deployment/token-mounter", RuleStatus.Warn, "Mounts a service account token (automountServiceAccountToken: true)", "shop/Deployment/token-mounter: automountServiceAccountToken", "true")]
    public void PodSecurity_EachViolation_IsFoundAndNamed(string key, RuleStatus status, string message, string evidencePath, string evidenceValue)
    {
        var finding = Finding(Run("AKS-SEC-15", Violations), key);

        Assert.Equal(status, finding.Status);
        Assert.StartsWith(message, finding.Message);
        Assert.Contains(new Evidence(evidencePath, evidenceValue), finding.Evidence);
    }

    [Fact]
    public void PodSecurity_SystemNamespacesAndControllerOwnedPods_AreIgnored()
    {
        var keys = ObjectKeys(Run("AKS-SEC-15", Violations));

        Assert.DoesNotContain("kube-system/DaemonSet/azure-cns", keys);
        Assert.DoesNotContain("shop/Pod/privileged-agent-7d9f8b6c5-x2k4q", keys);
    }

    [Theory]
    [InlineData("AKS-SEC-15")]
    [InlineData("AKS-POL-09")]
    [InlineData("AKS-POL-10")]
    public void PodSecurity_Clean_Passes(string ruleId)
    {
        var result = Run(ruleId, Clean);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Empty(result.ObjectResults);
        Assert.Contains(new Evidence("kubernetes.podSecurity", "3 user workload(s): 0 break the baseline, 0 miss restricted settings"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-15")]
    [InlineData("AKS-POL-09")]
    [InlineData("AKS-POL-10")]
    public void PodSecurity_OnlyRestrictedGaps_Warns(string ruleId)
    {
        var list = Only(Violations, "shop/Deployment/escalator", "shop/Deployment/root-runner", "shop/Deployment/token-mounter", "shop/Deployment/port-grabber");

        var result = Run(ruleId, list);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.StartsWith("The baseline holds, but 3 of 4 user workload(s) miss restricted settings", result.Message);
        Assert.Equal(["shop/Deployment/escalator", "shop/Deployment/root-runner", "shop/Deployment/token-mounter"], ObjectKeys(result));
    }

    [Fact]
    public void PodSecurity_PodInheritsAutomountFromItsServiceAccount_Warns()
    {
        var list = Read(Clean);
        var ledgerAccount = Item(list, "payments/ServiceAccount/ledger");
        ledgerAccount.Remove("automountServiceAccountToken");

        var finding = Finding(Run("AKS-SEC-15", list), "payments/StatefulSet/ledger");

        Assert.Equal(RuleStatus.Warn, finding.Status);
        Assert.Contains("service account 'ledger'", finding.Message);
        Assert.Contains(new Evidence("payments/ServiceAccount/ledger: automountServiceAccountToken", null), finding.Evidence);
    }

    [Fact]
    public void PodSecurity_NoSeccompAndNoRunAsNonRoot_WarnsForTheContainer()
    {
        var list = Read(Clean);
        var spec = Assert.IsType<JsonObject>(Item(list, "shop/Deployment/web")["spec"]!["template"]!["spec"]);
        spec["securityContext"] = new JsonObject();

        var finding = Finding(Run("AKS-SEC-15", list), "shop/Deployment/web");

        Assert.Equal(RuleStatus.Warn, finding.Status);
        Assert.Equal("Container 'app' has no seccomp profile (RuntimeDefault expected); container 'app' may run as root (runAsNonRoot is not true).", finding.Message);
        Assert.Contains(new Evidence("shop/Deployment/web: securityContext.runAsNonRoot", null), finding.Evidence);
    }

    [Fact]
    public void PodSecurity_OnlySystemWorkloads_IsNotApplicable()
    {
        var result = Run("AKS-SEC-15", Only(Clean, "kube-system/DaemonSet/azure-cns"));

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("kubernetes", "1 objects"), result.Evidence);
    }

    [Fact]
    public void PodSecurity_PrivilegedIsText_Errors()
    {
        var list = Read(Clean);
        Item(list, "shop/Deployment/web")["spec"]!["template"]!["spec"]!["containers"]![0]!["securityContext"]!["privileged"] = "maybe";

        var result = Run("AKS-POL-10", list);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'shop/Deployment/web: containers[app].securityContext.privileged'", result.Message);
    }

    [Fact]
    public void PodSecurity_BaselineInitiativeAssigned_IsRecordedAsEvidence()
    {
        var assignments = JsonNode.Parse("""
            { "value": [ { "name": "pod-baseline", "properties": {
              "policyDefinitionId": "/providers/Microsoft.Authorization/policySetDefinitions/a8640138-9b0a-4a28-b8cb-1666c838647d" } } ] }
            """)!;

        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).WithDataSet("policyAssignments", assignments).Evaluate("AKS-POL-09");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("azure.policyAssignments (pod security initiatives)", "baseline assigned, restricted not assigned"), result.Evidence);
    }
}
