using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>AKS-SEC-01: Entra ID and Kubernetes RBAC on, and few holders of cluster-admin.</summary>
internal static class ClusterAdminRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-01",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Integrate with Microsoft Entra ID and keep cluster-admin to a few holders",
        Rationale = "Entra ID ties every API call to a managed identity whose access ends when the person leaves; cluster-admin bypasses every RBAC rule, so each extra binding widens what one stolen credential can do.",
        Remediation = "Enable AKS-managed Entra ID with Kubernetes RBAC, grant cluster-admin only to an Entra admin group, and replace other cluster-admin bindings with namespace-scoped roles.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-aad --aad-admin-group-object-ids <groupId>",
        RemediationProperty = "properties.aadProfile.managed = true, properties.enableRBAC = true; ClusterRoleBindings to cluster-admin",
        SeedReference = "Security checklist 1",
        Automation = Automation.Partial,
        Lineage = ["Azure Policy 450d2877-ebea-41e8-b00c-e286317d21bf", "Azure Policy ac4a19c2-fa67-49b4-8ae5-0b2e78c49457", "PSRule: Azure.AKS.ManagedAAD", "PSRule: Azure.AKS.UseRBAC"],
        LearnMoreUrl = ClusterFacts.LearnBase + "azure-ad-rbac",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var problems = new List<string>();
        if (probe.Bool("properties.aadProfile.managed") != true)
        {
            problems.Add("AKS-managed Microsoft Entra ID integration is not enabled");
        }

        if (probe.Bool("properties.enableRBAC") != true)
        {
            problems.Add("Kubernetes RBAC is not enabled");
        }

        if (problems.Count > 0)
        {
            return Fail(RuleText.Sentence(problems));
        }

        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("Counting cluster-admin holders");
        }

        if (!inventory.Has("ClusterRoleBinding"))
        {
            return NotApplicable("Entra ID and RBAC are on, but ClusterRoleBindings were not collected, so cluster-admin holders cannot be counted.");
        }

        var admins = inventory.OfKind("ClusterRoleBinding").Where(IsClusterAdmin)
            .Select(b => (Binding: b, Subjects: PersonSubjects(probe, b))).Where(b => b.Subjects.Count > 0).ToList();
        probe.Note("kubernetes.clusterAdminBindings", $"{admins.Count} binding(s) with non-system subjects: {string.Join("; ", admins.Select(a => $"{a.Binding.Name} → {string.Join(", ", a.Subjects)}"))}");
        var limit = probe.Settings.MaxClusterAdminBindings;
        if (admins.Count > limit)
        {
            return Warn($"{admins.Count} ClusterRoleBindings grant cluster-admin to non-system subjects (more than {limit}).") with
            {
                Objects = admins.Select(a => ObjectFinding.For(a.Binding, RuleStatus.Warn, $"Grants cluster-admin to {string.Join(", ", a.Subjects)}.",
                    new Evidence($"{a.Binding.Key}: roleRef.name", "\"cluster-admin\""), new Evidence($"{a.Binding.Key}: subjects", string.Join(", ", a.Subjects)))).ToList(),
            };
        }

        return Manual($"Entra ID and RBAC are on; {admins.Count} binding(s) grant cluster-admin to non-system subjects. Confirm each holder still needs it and that other access is least-privilege.");
    }

    private static bool IsClusterAdmin(KubernetesObject binding) =>
        binding.Json["roleRef"] is JsonObject roleRef
        && string.Equals(AzureJson.Text(roleRef, "name"), "cluster-admin", StringComparison.Ordinal)
        && string.Equals(AzureJson.Text(roleRef, "kind") ?? "ClusterRole", "ClusterRole", StringComparison.Ordinal);

    // system:* users and groups and service accounts of platform namespaces belong to Kubernetes and AKS, not to people.
    private static List<string> PersonSubjects(Probe probe, KubernetesObject binding) =>
        Json.Objects(binding.Json["subjects"])
            .Select(s => (Kind: AzureJson.Text(s, "kind") ?? "", Name: AzureJson.Text(s, "name") ?? "", Namespace: AzureJson.Text(s, "namespace") ?? ""))
            .Where(s => !s.Name.StartsWith("system:", StringComparison.Ordinal)
                && !(s.Kind == "ServiceAccount" && !probe.IsUserNamespace(s.Namespace)))
            .Select(s => s.Kind == "ServiceAccount" ? $"ServiceAccount {s.Namespace}/{s.Name}" : $"{s.Kind} {s.Name}")
            .ToList();
}
