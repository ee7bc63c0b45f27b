using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>AKS-POL-13: applications get namespaces of their own instead of <c>default</c>.</summary>
internal static class DefaultNamespaceRule
{
    private const string DefaultNamespace = "default";

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-POL-13",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Deploy no workloads to the default namespace",
        Rationale = "Everything lands in default when a namespace is forgotten, so RBAC, quotas and NetworkPolicies scoped to application namespaces never apply there, and unrelated workloads end up sharing one trust boundary.",
        Remediation = "Give each application its own namespace with RBAC, quotas and NetworkPolicies, move the workloads there and block the default namespace with Azure Policy.",
        RemediationCommand = "kubectl create namespace <app> && kubectl apply -n <app> -f <manifests>",
        RemediationProperty = "metadata.namespace",
        SeedReference = "Azure policies: namespace deployment restrictions",
        Scope = RuleScope.ClusterAndWorkload,
        Lineage = ["Azure Policy 9f061a12-e40d-4183-a00e-171812443373"],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-azure-policy",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("The namespace check");
        }

        var findings = probe.UserWorkloads(inventory)
            .Where(w => w.Object.Namespace.Equals(DefaultNamespace, StringComparison.Ordinal))
            .Select(w => ObjectFinding.For(w.Object, RuleStatus.Fail, $"{w.Object.Kind} '{w.Object.Name}' runs in the default namespace.",
                new Evidence($"{w.Object.Key}: metadata.namespace", "\"default\"")))
            .ToList();
        probe.Note("kubernetes.defaultNamespace", $"{findings.Count} workload(s) in the default namespace");
        return findings.Count > 0
            ? Fail($"{findings.Count} workload(s) run in the default namespace: {ObjectIssues.Names(findings)}.") with { Objects = findings }
            : Pass("No workloads run in the default namespace.");
    }
}
