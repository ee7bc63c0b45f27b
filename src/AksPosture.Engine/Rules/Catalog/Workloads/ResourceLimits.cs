using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>
/// Requests and limits on every user container, enforced by Azure Policy: one check ("resource-limits") that the
/// guide lists as Reliability recommendation 5 and again in its Azure policies list.
/// </summary>
internal static class ResourceLimits
{
    public const string LimitsPolicy = "e345eecc-fa47-480f-9e88-67dcc122b164";
    private const string CheckId = "resource-limits";
    private const string What = "set CPU and memory requests and limits";
    private static readonly string[] Fields = ["resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory"];

    public static IEnumerable<Rule> All() =>
    [
        Define("AKS-REL-10", "Define requests and limits and enforce them with Azure Policy", "Reliability recommendation 5", Severity.High),
        Define("AKS-POL-14", "Enforce CPU and memory limits with Azure Policy", "Azure policies: CPU and memory resource limits", Severity.High),
    ];

    private static Rule Define(string id, string title, string seed, Severity severity) => new(new RuleDefinition
    {
        Id = id,
        Pillar = Pillar.Reliability,
        Severity = severity,
        Title = title,
        Rationale = "Requests let the scheduler place pods where they fit; limits stop one container from starving its neighbours of CPU or memory. A policy keeps new deployments from skipping them.",
        Remediation = "Set CPU and memory requests and limits on every container (init containers too), enable the Azure Policy add-on and assign the built-in container limits policy.",
        RemediationCommand = $"az policy assignment create --name aks-container-limits --policy {LimitsPolicy} --scope <clusterId> --params '{{\"cpuLimit\":{{\"value\":\"2\"}},\"memoryLimit\":{{\"value\":\"4Gi\"}}}}'",
        RemediationProperty = "spec.template.spec.containers[].resources.requests/limits (cpu, memory); properties.addonProfiles.azurepolicy.enabled = true",
        SeedReference = seed,
        Scope = RuleScope.ClusterAndWorkload,
        CheckId = CheckId,
        Lineage = [$"Azure Policy {LimitsPolicy}", "PSRule: Azure.AKS.AzurePolicyAddOn"],
        LearnMoreUrl = ClusterFacts.LearnBase + "developer-best-practices-resource-management",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        var verdict = new Verdict();
        if (!probe.AddonEnabled("azurepolicy"))
        {
            verdict.Fail("the Azure Policy add-on is off, so no policy can enforce limits");
        }

        IReadOnlyList<string> assignments = [];
        if (probe.TryDataSet(AzureDataSets.PolicyAssignments, out var data, out var missing))
        {
            assignments = PolicyAssignments.Assigning(probe, data, LimitsPolicy);
            if (assignments.Count == 0)
            {
                verdict.Fail($"the container limits policy ({LimitsPolicy}) is not assigned to the cluster");
            }
        }
        else
        {
            verdict.Missing(missing);
        }

        ContainerCoverage? coverage = null;
        if (probe.Kubernetes() is { } inventory)
        {
            coverage = ContainerCoverage.Measure(probe, inventory, includeInit: true, Fields, "kubernetes.containers.resources", What);
            verdict.Objects(coverage.Findings);
            if (!coverage.Meets(probe.Settings.CoverageThreshold))
            {
                verdict.Warn($"only {coverage.Summary(What)}; at least {ContainerCoverage.Threshold(probe.Settings.CoverageThreshold)} should");
            }
        }
        else
        {
            verdict.Missing(probe.WithoutKubernetes("The requests and limits check"));
        }

        return verdict.Decide(() => Pass(
            $"The Azure Policy add-on is on, the limits policy is assigned ({RuleText.List(assignments)}), and {coverage!.Summary(What)}."));
    }
}
