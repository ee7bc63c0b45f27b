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
        var name = workload.ContainerName(container);
        const string SeccompPath = "securityContext.seccompProfile.type";
        var (seccomp, seccompOwn) = Effective(workload, container, SeccompPath);
        switch (seccomp)
        {
            case null:
                issues.Add(new(RuleStatus.Warn, $"container '{name}' has no seccomp profile (RuntimeDefault expected)", EffectiveEvidence(workload, container, SeccompPath, seccompOwn)));
                break;
            case var t when t.Equals("Unconfined", StringComparison.OrdinalIgnoreCase):
                issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with seccomp Unconfined", EffectiveEvidence(workload, container, SeccompPath, seccompOwn)));
                break;
            case var t when !t.IsOneOf("RuntimeDefault", "Localhost"):
                issues.Add(new(RuleStatus.Warn, $"container '{name}' has an unrecognised seccomp profile type '{t}'", EffectiveEvidence(workload, container, SeccompPath, seccompOwn)));
                break;
        }

        const string AppArmorPath = "securityContext.appArmorProfile.type";
        var (appArmor, appArmorOwn) = Effective(workload, container, AppArmorPath);
        var annotation = workload.AppArmorAnnotation(name);
        if (string.Equals(appArmor, "Unconfined", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with AppArmor Unconfined", EffectiveEvidence(workload, container, AppArmorPath, appArmorOwn)));
        }
        else if (string.Equals(annotation, "unconfined", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' runs with AppArmor unconfined (annotation)",
                new Evidence($"{workload.Object.Key}: annotations[{AppArmorAnnotationPrefix}{name}]", $"\"{annotation}\"")));
        }

        if (OverridesSeLinux(Probe.Navigate(container, "securityContext.seLinuxOptions")))
        {
            issues.Add(new(RuleStatus.Fail, $"container '{name}' overrides its SELinux context",
                KubernetesProbe.ContainerEvidence(workload, container, "securityContext.seLinuxOptions")));
        }
    }

    /// <summary>SELinux options that set a type outside the allowed list, or any user or role.</summary>
    public static bool OverridesSeLinux(JsonNode? options)
    {
        if (options is not JsonObject selinux)
        {
            return false;
        }

        var type = Json.Text(selinux["type"]) ?? "";
        return !SeLinuxTypes.Contains(type, StringComparer.Ordinal) || selinux["user"] is not null || selinux["role"] is not null;
    }

    /// <summary>A container setting wins over the pod's; <c>Own</c> says the container's decided.</summary>
    private static (string? Value, bool Own) Effective(Workload workload, JsonObject container, string path)
    {
        var own = workload.ContainerText(container, path);
        return own is not null ? (own, true) : (workload.PodText(path), false);
    }

    /// <summary>The evidence of an <see cref="Effective"/> value names whichever level decided.</summary>
    private static Evidence EffectiveEvidence(Workload workload, JsonObject container, string path, bool own) =>
        own ? KubernetesProbe.ContainerEvidence(workload, container, path) : workload.PodEvidence(path);
}
