using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Azure Policy for Kubernetes: one check the guide lists under Security and twice under Operational Excellence.</summary>
internal static class GovernanceRules
{
    private const string CheckId = "azure-policy-addon";
    private const string LearnMore = "https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes";
    private const string Command = "az aks enable-addons -g <rg> -n <cluster> --addons azure-policy";
    private const string Property = "properties.addonProfiles.azurepolicy.enabled = true";
    private const string Rationale =
        "The Azure Policy add-on runs Gatekeeper with Azure-managed policies, so unsafe pods are audited or refused at admission and compliance shows up beside the rest of the estate.";

    public static IEnumerable<Rule> SecurityRules() =>
    [
        new(new RuleDefinition
        {
            Id = "AKS-SEC-14",
            Pillar = Pillar.Security,
            Severity = Severity.Medium,
            Title = "Secure clusters and pods with Azure Policy",
            Rationale = Rationale,
            Remediation = "Enable the Azure Policy add-on and assign the Kubernetes pod security baseline initiative.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Security recommendation 8",
            CheckId = CheckId,
            Lineage = ["Azure Policy 0a15ec92-a229-4763-bb14-0ea34a568f8d"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
    ];

    public static IEnumerable<Rule> OperationsRules() =>
    [
        new(new RuleDefinition
        {
            Id = "AKS-OPS-05",
            Pillar = Pillar.OperationalExcellence,
            Severity = Severity.Medium,
            Title = "Enforce workload governance with Azure Policy",
            Rationale = Rationale,
            Remediation = "Enable the Azure Policy add-on and assign the policies your organisation requires of workloads.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Operational Excellence checklist 5",
            Scope = RuleScope.ClusterAndWorkload,
            CheckId = CheckId,
            Lineage = ["Azure Policy 0a15ec92-a229-4763-bb14-0ea34a568f8d"],
            LearnMoreUrl = LearnMore,
        }, EvaluateWithCompliance),
        new(new RuleDefinition
        {
            Id = "AKS-OPS-08",
            Pillar = Pillar.OperationalExcellence,
            Severity = Severity.Medium,
            Title = "Operationalise configuration standards with Azure Policy",
            Rationale = Rationale,
            Remediation = "Enable the Azure Policy add-on and assign your configuration standards as policy.",
            RemediationCommand = Command,
            RemediationProperty = Property,
            SeedReference = "Operational Excellence recommendation 1",
            CheckId = CheckId,
            Lineage = ["Azure Policy 0a15ec92-a229-4763-bb14-0ea34a568f8d"],
            LearnMoreUrl = LearnMore,
        }, Evaluate),
    ];

    private static Outcome Evaluate(Probe probe) => probe.AddonEnabled("azurepolicy")
        ? AzureData.AzurePolicyData.Assignments(probe)
            ?? Pass("The Azure Policy add-on is enabled; which policies are assigned is judged when policy data is collected.")
        : Fail("The Azure Policy add-on is not enabled, so no Kubernetes policy is enforced at admission.");

    // AKS-OPS-05 also asks whether the cluster complies; a non-compliant cluster drops from PASS to WARN.
    private static Outcome EvaluateWithCompliance(Probe probe)
    {
        var outcome = Evaluate(probe);
        return outcome.Status == RuleStatus.Pass ? AzureData.AzurePolicyData.Compliance(probe) ?? outcome : outcome;
    }
}
