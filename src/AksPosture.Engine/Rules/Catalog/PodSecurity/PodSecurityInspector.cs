using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Catalog.PodSecurity.PodSecurityStandards;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// What one workload's pod template breaks. Baseline violations (known privilege escalations) are FAIL; settings
/// the restricted profile asks for on top (non-root, no escalation, a seccomp profile, no API token) are WARN.
/// Host paths and host ports are baseline too, but AKS-POL-11 and AKS-POL-12 judge them.
/// </summary>
internal static class PodSecurityInspector
{
    private static readonly (string Field, string Namespace)[] HostNamespaceFields =
        [("hostPID", "process"), ("hostIPC", "IPC"), ("hostNetwork", "network")];

    public static IReadOnlyList<Issue> Inspect(Workload workload, KubernetesInventory inventory)
    {
        var issues = new List<Issue>();
        PodSettings(workload, issues);
        Sysctls(workload, issues);
        foreach (var container in workload.Containers())
        {
            ContainerPrivileges(workload, container, issues);
            KernelConfinement.Inspect(workload, container, issues);
            NonRoot(workload, container, issues);
        }

        ServiceAccountToken(workload, inventory, issues);
        return issues;
    }

    private static void PodSettings(Workload workload, List<Issue> issues)
    {
        foreach (var (field, ns) in HostNamespaceFields)
        {
            if (workload.PodBool(field) == true)
            {
                issues.Add(new(RuleStatus.Fail, $"shares the node's {ns} namespace ({field}: true)", workload.PodEvidence(field)));
            }
        }

        if (workload.PodBool("securityContext.windowsOptions.hostProcess") == true)
        {
            issues.Add(new(RuleStatus.Fail, "runs as a Windows HostProcess pod with full access to the node", workload.PodEvidence("securityContext.windowsOptions.hostProcess")));
        }

        if (KernelConfinement.OverridesSeLinux(Probe.Navigate(workload.PodSpec, "securityContext.seLinuxOptions")))
        {
            issues.Add(new(RuleStatus.Fail, "the pod overrides its SELinux context", workload.PodEvidence("securityContext.seLinuxOptions")));
        }
    }

    private static void Sysctls(Workload workload, List<Issue> issues)
    {
        var sysctls = workload.PodObjects("securityContext.sysctls").ToList();
        if (sysctls.Count == 0)
        {
            return;
        }

        var names = sysctls.Select(s => Probe.AsText($"{workload.Object.Key}: securityContext.sysctls[].name", s["name"]) ?? "");
        var unsafeNames = names.Where(n => !SafeSysctls.Contains(n, StringComparer.Ordinal)).ToList();
        if (unsafeNames.Count > 0)
        {
            issues.Add(new(RuleStatus.Fail, $"sets sysctl {RuleText.List(unsafeNames)}, which reaches beyond the pod to the node", workload.PodEvidence("securityContext.sysctls")));
        }
    }

    private static void ContainerPrivileges(Workload workload, JsonObject container, List<Issue> issues)
    {
        var name = workload.ContainerName(container);
        if (workload.ContainerBool(container, "securityContext.privileged") == true)
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' is privileged", KubernetesProbe.ContainerEvidence(workload, container, "securityContext.privileged")));
        }

        if (workload.ContainerBool(container, "securityContext.windowsOptions.hostProcess") == true)
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' is a Windows HostProcess container", KubernetesProbe.ContainerEvidence(workload, container, "securityContext.windowsOptions.hostProcess")));
        }

        var added = AddedCapabilities(workload, container);
        if (added.Count > 0)
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' adds capabilities {RuleText.List(added)} beyond the baseline set", KubernetesProbe.ContainerEvidence(workload, container, "securityContext.capabilities.add")));
        }

        if (string.Equals(workload.ContainerText(container, "securityContext.procMount"), "Unmasked", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' unmasks /proc", KubernetesProbe.ContainerEvidence(workload, container, "securityContext.procMount")));
        }

        var escalation = workload.ContainerBool(container, "securityContext.allowPrivilegeEscalation");
        if (escalation != false)
        {
            issues.Add(new(RuleStatus.Warn, escalation == true
                ? $"container '{name}' allows privilege escalation"
                : $"container '{name}' does not set allowPrivilegeEscalation: false", KubernetesProbe.ContainerEvidence(workload, container, "securityContext.allowPrivilegeEscalation")));
        }
    }

    private static void NonRoot(Workload workload, JsonObject container, List<Issue> issues)
    {
        var name = workload.ContainerName(container);
        var own = workload.ContainerInt(container, "securityContext.runAsUser");
        var user = own ?? workload.PodInt("securityContext.runAsUser");
        if (user == 0)
        {
            issues.Add(new(RuleStatus.Warn, $"container '{name}' runs as root (runAsUser: 0)", own is null
                ? workload.PodEvidence("securityContext.runAsUser")
                : KubernetesProbe.ContainerEvidence(workload, container, "securityContext.runAsUser")));
            return;
        }

        var ownNonRoot = workload.ContainerBool(container, "securityContext.runAsNonRoot");
        if ((ownNonRoot ?? workload.PodBool("securityContext.runAsNonRoot")) != true)
        {
            issues.Add(new(RuleStatus.Warn, $"container '{name}' may run as root (runAsNonRoot is not true)", ownNonRoot is null
                ? workload.PodEvidence("securityContext.runAsNonRoot")
                : KubernetesProbe.ContainerEvidence(workload, container, "securityContext.runAsNonRoot")));
        }
    }

    /// <summary>Capabilities added beyond the baseline set; most containers add none.</summary>
    private static List<string> AddedCapabilities(Workload workload, JsonObject container)
    {
        var added = workload.ContainerTextList(container, "securityContext.capabilities.add");
        return added.Count == 0 ? [] : added.Select(NormaliseCapability).Where(c => !BaselineCapabilities.Contains(c, StringComparer.Ordinal)).ToList();
    }

    /// <summary>Pods mount an API token unless the pod or its service account says otherwise; most workloads never call the API.</summary>
    private static void ServiceAccountToken(Workload workload, KubernetesInventory inventory, List<Issue> issues)
    {
        var onPod = workload.PodBool("automountServiceAccountToken");
        if (onPod == true)
        {
            issues.Add(new(RuleStatus.Warn, "mounts a service account token (automountServiceAccountToken: true)", workload.PodEvidence("automountServiceAccountToken")));
            return;
        }

        if (onPod == false)
        {
            return;
        }

        var name = workload.ServiceAccountName();
        var account = workload.ServiceAccount(inventory);
        var path = $"{workload.Object.Namespace}/ServiceAccount/{name}: automountServiceAccountToken";
        var onAccount = Probe.AsBool(path, account?.Json["automountServiceAccountToken"]);
        if (onAccount != false)
        {
            issues.Add(new(RuleStatus.Warn, $"mounts a token of service account '{name}' (automountServiceAccountToken is false on neither the pod nor the account)",
                new Evidence(path, account?.Json["automountServiceAccountToken"]?.ToJsonString())));
        }
    }
}
