namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-15, AKS-POL-09 and AKS-POL-10: three seed items, one check (<see cref="PodSecurityCheck"/>).</summary>
internal static class PodSecurityCheckRules
{
    private const string Remediation =
        "Fix the workloads named in the findings: drop privileged mode, host namespaces and extra capabilities; run as a non-root user with allowPrivilegeEscalation: false, seccomp RuntimeDefault and no automounted token; then enforce it at admission.";

    public static IEnumerable<Rule> All() => [ContainerAccess, PodSecurityInitiatives, ContainerCapabilities];

    private static readonly Rule ContainerAccess = new(new RuleDefinition
    {
        Id = "AKS-SEC-15",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Limit what containers may do: no privileged mode, no root, no privilege escalation",
        Rationale = "A privileged container or one sharing the node's namespaces is one exploit away from owning the node and every pod on it. Running as non-root without escalation keeps a compromised process boxed in.",
        Remediation = Remediation,
        RemediationCommand = "kubectl label namespace <namespace> pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/warn=restricted",
        RemediationProperty = "spec.securityContext.runAsNonRoot, containers[].securityContext.{privileged, allowPrivilegeEscalation, capabilities}",
        SeedReference = "Security recommendation 9",
        CheckId = PodSecurityCheck.CheckId,
        Lineage =
        [
            "Azure Policy 95edb821-ddaf-4404-9732-666045e056b4",
            "Azure Policy 1c6e92c9-99f0-4e55-9cf2-0c234dc48f99",
            "Azure Policy 47a1ee2f-2a2a-4576-bf2a-e0e36709c2b8",
            "Azure Policy f06ddb64-5fa3-4b77-b166-acb36f7f6042",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "secure-container-access",
    }, PodSecurityCheck.Evaluate);

    private static readonly Rule PodSecurityInitiatives = new(new RuleDefinition
    {
        Id = "AKS-POL-09",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Workloads meet the Kubernetes pod security baseline",
        Rationale = "The baseline profile blocks the known ways out of a container; the pod security initiatives in Azure Policy audit exactly these settings, so clean workloads are what the initiative would report as compliant.",
        Remediation = Remediation + " Assign the Kubernetes pod security baseline initiative (restricted where the workloads allow it).",
        RemediationCommand = "az policy assignment create --name aks-pod-baseline --policy-set-definition a8640138-9b0a-4a28-b8cb-1666c838647d --scope <cluster-id>",
        RemediationProperty = "pod template securityContext (pod and containers)",
        SeedReference = "Azure policies: pod security initiatives for Linux workloads",
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = PodSecurityCheck.CheckId,
        Lineage =
        [
            "Azure Policy a8640138-9b0a-4a28-b8cb-1666c838647d",
            "Azure Policy 42b8ef37-b724-4e24-bbc8-7a7708edfe00",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-psa",
    }, PodSecurityCheck.Evaluate);

    private static readonly Rule ContainerCapabilities = new(new RuleDefinition
    {
        Id = "AKS-POL-10",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Pods keep kernel protections: AppArmor, seccomp, SELinux, safe sysctls, capabilities, no privileged mode, no automounted token",
        Rationale = "Each of these settings removes one kernel-level fence or hands a pod the credentials to call the API server; together they decide how far an attacker gets from a compromised container.",
        Remediation = Remediation,
        RemediationCommand = "kubectl patch serviceaccount default -n <namespace> -p '{\"automountServiceAccountToken\": false}'",
        RemediationProperty = "securityContext.{seccompProfile, appArmorProfile, seLinuxOptions, sysctls, capabilities, privileged}, automountServiceAccountToken",
        SeedReference = "Azure policies: pod and container capabilities",
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = PodSecurityCheck.CheckId,
        Lineage =
        [
            "Azure Policy 511f5417-5d12-434d-ab2e-816901e72a5e",
            "Azure Policy 56d0a13f-712f-466b-8416-56fb354fb823",
            "Azure Policy c26596ff-4d70-4e6a-9a30-c2506bd2f80c",
            "Azure Policy e1e6c427-07d9-46ab-9689-bfa85431e636",
            "Azure Policy 975ce327-682c-4f2e-aa46-b9598289b86c",
            "Azure Policy 95edb821-ddaf-4404-9732-666045e056b4",
            "Azure Policy 423dd1ba-798e-40e4-9c4d-b6902674b423",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "secure-container-access",
    }, PodSecurityCheck.Evaluate);
}
