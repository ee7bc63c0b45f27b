using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>AKS-SEC-02: Defender for Containers plus audit logs reaching a Microsoft Sentinel workspace.</summary>
internal static class SecurityMonitoringRule
{
    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-SEC-02",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Integrate with security monitoring and SIEM (Defender for Containers and Microsoft Sentinel)",
        Rationale = "Threats against a cluster show up in its audit log and on its nodes. Defender raises the alerts; a SIEM such as Sentinel correlates them with the rest of the estate so someone responds.",
        Remediation = "Enable Defender for Containers, send kube-audit-admin (or kube-audit) logs to a Log Analytics workspace, and onboard that workspace to Microsoft Sentinel.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-defender",
        RemediationProperty = "properties.securityProfile.defender.securityMonitoring.enabled; diagnostic setting with kube-audit* to a workspace; Microsoft.SecurityInsights/onboardingStates/default on that workspace",
        SeedReference = "Security checklist 2",
        Lineage = ["Azure Policy a1840de2-8088-4ea8-b153-b4c723e9cb01", "PSRule: Azure.AKS.AuditLogs"],
        LearnMoreUrl = "https://learn.microsoft.com/azure/sentinel/data-connectors/azure-kubernetes-service-aks",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var findings = new Findings();
        DefenderRules.Check(probe, findings);
        if (!DiagnosticCoverage.TryRead(probe, out var coverage, out var missing))
        {
            findings.Missing(missing);
            return findings.Decide(() => missing);
        }

        var workspaces = coverage.Delivering.Where(s => s.CoversAudit && s.WorkspaceId is not null).Select(s => s.WorkspaceId!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (workspaces.Count == 0 && coverage.Unknown(coverage.Delivering.Where(s => s.WorkspaceId is not null)) is { } unknown)
        {
            findings.Missing(unknown);
        }
        else if (workspaces.Count == 0)
        {
            findings.Warn("no diagnostic setting sends kube-audit or kube-audit-admin logs to a Log Analytics workspace, so no SIEM sees them");
        }
        else
        {
            CheckSentinel(probe, workspaces, findings);
        }

        return findings.Decide(() => Pass($"Defender for Containers is on and audit logs reach Sentinel workspace(s) {RuleText.List(workspaces.Select(Name))}."));
    }

    // Sentinel onboarding is an extension resource of the workspace; its absence means the workspace is plain Log Analytics.
    // Verified: Microsoft.SecurityInsights 2024-03-01 GetAllSentinelOnboardingStates.json (value[].id under the workspace, name "default").
    private static void CheckSentinel(Probe probe, IReadOnlyList<string> workspaces, Findings findings)
    {
        if (!probe.TryDataSet(DataSetNames.SentinelOnboarding, out var data, out var missing))
        {
            if (missing.Status == RuleStatus.Error)
            {
                findings.Missing(missing);
            }
            else
            {
                findings.Warn($"whether workspace(s) {RuleText.List(workspaces.Select(Name))} feed Microsoft Sentinel is unknown ('{DataSetNames.SentinelOnboarding}' was not collected)");
            }

            return;
        }

        var states = AzureJson.Items(data);
        var onboarded = workspaces.Where(w => states.Any(s => AzureJson.IsWithin(AzureJson.Text(s, "id"), w))).ToList();
        probe.Note("azure.sentinelOnboarding.workspaces", onboarded.Count == 0 ? "none onboarded" : string.Join(", ", onboarded.Select(Name)));
        if (onboarded.Count == 0)
        {
            findings.Warn($"audit workspace(s) {RuleText.List(workspaces.Select(Name))} are not onboarded to Microsoft Sentinel");
        }
    }

    private static string Name(string id) => id[(id.TrimEnd('/').LastIndexOf('/') + 1)..];
}
