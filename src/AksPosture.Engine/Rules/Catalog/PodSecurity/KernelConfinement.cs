using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Catalog.PodSecurity.PodSecurityStandards;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// seccomp, AppArmor and SELinux: each is a kernel-level fence around a container, and turning one off (Unconfined,
/// a custom SELinux user or role) is a baseline violation. A missing seccomp profile only misses the restricted profile.
/// </summary>
internal static class KernelConfinement
{
    public static void Inspect(Workload workload, JsonObject container, List<Issue> issues)
    {
        var name = KubernetesFacts.ContainerName(container);
        var (seccomp, seccompEvidence) = Effective(workload, container, "securityContext.seccompProfile.type");
        switch (seccomp)
        {
            case null:
                issues.Add(new(RuleStatus.Warn, $"container '{name}' has no seccomp profile (RuntimeDefault expected)", seccompEvidence));
                break;
            case var t when t.Equals("Unconfined", StringComparison.OrdinalIgnoreCase):
                issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with seccomp Unconfined", seccompEvidence));
                break;
            case var t when !t.IsOneOf("RuntimeDefault", "Localhost"):
                issues.Add(new(RuleStatus.Warn, $"container '{name}' has an unrecognised seccomp profile type '{t}'", seccompEvidence));
                break;
        }

        var (appArmor, appArmorEvidence) = Effective(workload, container, "securityContext.appArmorProfile.type");
        var annotation = workload.TemplateAnnotation(AppArmorAnnotationPrefix + name);
        if (string.Equals(appArmor, "Unconfined", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with AppArmor Unconfined", appArmorEvidence));
        }
        else if (string.Equals(annotation, "unconfined", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with AppArmor unconfined (annotation)",
                new Evidence($"{workload.Object.Key}: annotations[{AppArmorAnnotationPrefix}{name}]", $"\"{annotation}\"")));
        }

        SeLinux(issues, $"container '{name}'", Probe.Navigate(container, "securityContext.seLinuxOptions"),
            KubernetesProbe.ContainerEvidence(workload, container, "securityContext.seLinuxOptions"));
    }

    public static void SeLinux(List<Issue> issues, string subject, JsonNode? options, Evidence evidence)
    {
        if (options is not JsonObject selinux)
        {
            return;
        }

        var type = Json.Text(selinux["type"]) ?? "";
        if (!SeLinuxTypes.Contains(type, StringComparer.Ordinal) || selinux["user"] is not null || selinux["role"] is not null)
        {
            issues.Add(new(RuleStatus.Fail, $"{subject} overrides its SELinux context", evidence));
        }
    }

    /// <summary>A container setting wins over the pod's; the evidence names whichever level decided.</summary>
    private static (string? Value, Evidence Evidence) Effective(Workload workload, JsonObject container, string path)
    {
        var own = workload.ContainerText(container, path);
        return own is not null
            ? (own, KubernetesProbe.ContainerEvidence(workload, container, path))
            : (workload.PodText(path), workload.PodEvidence(path));
    }
}
