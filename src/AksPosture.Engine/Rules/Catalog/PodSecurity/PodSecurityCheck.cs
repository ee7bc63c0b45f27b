using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>
/// The one "pod-security" check behind AKS-SEC-15, AKS-POL-09 and AKS-POL-10: the guide asks for it three times,
/// so all three return this verdict and scoring counts a defect once.
/// </summary>
internal static class PodSecurityCheck
{
    public const string CheckId = "pod-security";

    public static Outcome Evaluate(Probe probe)
    {
        if (probe.Kubernetes() is not { } inventory)
        {
            return probe.WithoutKubernetes("The pod security check");
        }

        var workloads = probe.UserWorkloads(inventory);
        if (workloads.Count == 0)
        {
            return NotApplicable("No workloads run in user namespaces, so there are no pod specs to judge.");
        }

        var findings = workloads
            .Select(w => (Workload: w, Issues: PodSecurityInspector.Inspect(w, inventory)))
            .Where(x => x.Issues.Count > 0)
            .Select(x => ObjectIssues.Finding(x.Workload.Object.Key, x.Issues))
            .ToList();
        var failing = findings.CountOf(RuleStatus.Fail);
        var warning = findings.CountOf(RuleStatus.Warn);
        probe.Note("kubernetes.podSecurity", $"{workloads.Count} user workload(s): {failing} break the baseline, {warning} miss restricted settings");
        NoteInitiatives(probe);

        if (failing > 0)
        {
            return Fail(
                $"{failing} of {workloads.Count} user workload(s) break the Pod Security baseline (privileged containers, host namespaces, added capabilities, unsafe sysctls or disabled seccomp/AppArmor/SELinux): {ObjectIssues.Names(findings.Where(f => f.Status == RuleStatus.Fail))}.") with { Objects = findings };
        }

        return warning > 0
            ? Warn($"The baseline holds, but {warning} of {workloads.Count} user workload(s) miss restricted settings (runAsNonRoot, allowPrivilegeEscalation: false, a seccomp profile, no automounted API token): {ObjectIssues.Names(findings)}.") with { Objects = findings }
            : Pass($"All {workloads.Count} user workload(s) meet the Pod Security baseline and run as non-root without privilege escalation, with seccomp and no automounted API token.");
    }

    /// <summary>Supporting evidence only: an assigned initiative enforces at admission what this check finds after the fact.</summary>
    private static void NoteInitiatives(Probe probe)
    {
        if (!probe.TryDataSet(Snapshots.AzureDataSets.PolicyAssignments, out var data, out _))
        {
            return;
        }

        var definitions = AzureDataProbe.Items(data).Select(a => a["properties"]?["policyDefinitionId"]?.ToJsonString() ?? "").ToList();
        bool Assigned(string id) => definitions.Exists(d => d.Contains(id, StringComparison.OrdinalIgnoreCase));
        probe.Note("azure.policyAssignments (pod security initiatives)",
            $"baseline {(Assigned(PodSecurityStandards.BaselineInitiative) ? "assigned" : "not assigned")}, restricted {(Assigned(PodSecurityStandards.RestrictedInitiative) ? "assigned" : "not assigned")}");
    }
}
