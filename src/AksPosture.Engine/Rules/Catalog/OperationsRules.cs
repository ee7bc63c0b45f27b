using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class OperationsRules
{
    public static IEnumerable<Rule> All() => GovernanceRules.OperationsRules().Concat([InfrastructureAsCode, Sustainability]);

    private static readonly Rule InfrastructureAsCode = new(new RuleDefinition
    {
        Id = "AKS-OPS-01",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Medium,
        Title = "Deploy the cluster from infrastructure as code",
        Rationale = "A cluster described in Bicep, Terraform or ARM can be rebuilt, reviewed and compared; one configured by hand drifts and cannot be recreated after a disaster.",
        Remediation = "Keep the cluster definition in a repository and deploy it only through a pipeline.",
        RemediationProperty = "(process) repository and pipeline that own the cluster",
        SeedReference = "Operational Excellence checklist 1",
        Automation = Automation.Manual,
        LearnMoreUrl = "https://learn.microsoft.com/azure/aks/learn/quick-kubernetes-deploy-bicep",
    }, probe =>
    {
        var hint = new[] { "managedBy", "iac", "deployedBy", "repository" }.Select(k => (Key: k, Value: probe.Snapshot.Tags.ContainsKey(k) ? probe.Tag(k) : null))
            .FirstOrDefault(t => t.Value is not null);
        return Manual(hint.Value is null
            ? "Confirm the cluster is defined in code and deployed by a pipeline."
            : $"Tag '{hint.Key}={hint.Value}' suggests IaC; confirm the cluster is defined in code and deployed by a pipeline.");
    });

    private static readonly Rule Sustainability = new(new RuleDefinition
    {
        Id = "AKS-OPS-07",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Low,
        Title = "Make workloads more sustainable",
        Rationale = "Idle nodes and oversized pools burn energy as well as money; sustainability follows from scaling in, right-sizing and efficient hardware.",
        Remediation = "Review the cost and efficiency findings of this cluster (autoscaling, right-sizing, Arm64) and record the sustainability decisions taken.",
        RemediationProperty = "(process) sustainability review",
        SeedReference = "Operational Excellence checklist 7",
        Scope = RuleScope.ClusterAndWorkload,
        Automation = Automation.Manual,
        LearnMoreUrl = "https://learn.microsoft.com/azure/aks/concepts-sustainable-software-engineering",
    }, _ => Manual("Confirm a sustainability review of this cluster's scaling and sizing was done."));
}
