namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// The allow-lists of the Kubernetes Pod Security Standards "baseline" profile
/// (kubernetes.io/docs/concepts/security/pod-security-standards). Anything outside them is a known privilege escalation.
/// </summary>
internal static class PodSecurityStandards
{
    /// <summary>Capabilities a container may add under the baseline profile (without the <c>CAP_</c> prefix).</summary>
    public static readonly string[] BaselineCapabilities =
    [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ];

    /// <summary>Sysctls that are namespaced per pod, so setting them cannot affect other pods on the node.</summary>
    public static readonly string[] SafeSysctls =
    [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ];

    /// <summary>SELinux types a pod may request; any user or role override is refused outright.</summary>
    public static readonly string[] SeLinuxTypes = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

    /// <summary>Before Kubernetes 1.30 AppArmor was set per container with this annotation prefix + the container name.</summary>
    public const string AppArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    /// <summary>Azure Policy initiatives that enforce the two profiles on AKS.</summary>
    public const string BaselineInitiative = "a8640138-9b0a-4a28-b8cb-1666c838647d";
    public const string RestrictedInitiative = "42b8ef37-b724-4e24-bbc8-7a7708edfe00";

    /// <summary>Capability names are accepted with or without the <c>CAP_</c> prefix and in any case.</summary>
    public static string NormaliseCapability(string capability)
    {
        var name = capability.Trim().ToUpperInvariant();
        return name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name;
    }
}
