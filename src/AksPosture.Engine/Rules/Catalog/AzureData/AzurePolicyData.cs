using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// What Azure Policy data adds to the add-on check (AKS-SEC-14 / OPS-05 / OPS-08): whether Kubernetes policies are
/// assigned over the cluster, and (OPS-05) whether the cluster complies. Both return null when their data set is absent,
/// so the add-on verdict stands. Policy states verified against Microsoft.PolicyInsights 2024-10-01
/// PolicyStates_QueryResourceScopeExpandComponents.json (complianceState, components[].complianceState).
/// </summary>
internal static class AzurePolicyData
{
    // Built-in Kubernetes definitions and initiatives (spec §2; febd0533 checked in public templates). A custom
    // initiative that wraps them cannot be recognised from the assignment alone.
    private static readonly string[] KubernetesDefinitions =
    [
        "a8640138-9b0a-4a28-b8cb-1666c838647d", "42b8ef37-b724-4e24-bbc8-7a7708edfe00", "e345eecc-fa47-480f-9e88-67dcc122b164",
        "b1a9997f-2883-4f12-bdff-2280f99b5915", "95edb821-ddaf-4404-9732-666045e056b4", "febd0533-8e55-448f-b837-bd0e06f16469",
    ];

    public static Outcome? Assignments(Probe probe)
    {
        if (!probe.TryDataSet(AzureDataSets.PolicyAssignments, out var data, out _))
        {
            return null;
        }

        var kubernetes = AzureJson.Items(data)
            .Where(a => PolicyAssignments.Covers(probe.Snapshot.Id, AzureJson.Text(a, "properties.scope"), AzureJson.TextList(a, "properties.notScopes")) && IsKubernetes(a))
            .Select(a => AzureJson.Text(a, "properties.displayName") ?? AzureJson.Name(a)).ToList();
        probe.Note("azure.policyAssignments.kubernetes", kubernetes.Count == 0 ? "none" : string.Join(", ", kubernetes));
        return kubernetes.Count == 0
            ? Warn("The Azure Policy add-on is enabled, but no Kubernetes policy or initiative is assigned over the cluster, so it enforces nothing.")
            : Pass($"The Azure Policy add-on is enabled and {kubernetes.Count} Kubernetes assignment(s) cover the cluster ({RuleText.List(kubernetes)}).");
    }

    public static Outcome? Compliance(Probe probe)
    {
        if (!probe.TryDataSet(AzureDataSets.PolicyStates, out var data, out _))
        {
            return null;
        }

        var nonCompliant = AzureJson.Items(data)
            .Where(s => string.Equals(AzureJson.Text(s, "complianceState"), "NonCompliant", StringComparison.OrdinalIgnoreCase)).ToList();
        var components = nonCompliant.SelectMany(s => AzureJson.Objects(s, "components"))
            .Where(c => string.Equals(AzureJson.Text(c, "complianceState"), "NonCompliant", StringComparison.OrdinalIgnoreCase)).ToList();
        probe.Note("azure.policyStates.nonCompliant", $"{nonCompliant.Count} policy state(s), {components.Count} component(s)");
        if (nonCompliant.Count == 0)
        {
            return null;
        }

        var examples = components.Take(3).Select(c => $"{AzureJson.Text(c, "type")} {AzureJson.Text(c, "name")}".Trim()).ToList();
        return Warn($"The cluster is not compliant with {nonCompliant.Select(s => AzureJson.Text(s, "policyDefinitionId")).Distinct().Count()} policy definition(s)"
            + (components.Count == 0 ? "." : $": {components.Count} Kubernetes component(s) are non-compliant (e.g. {string.Join(", ", examples)})."));
    }

    private static bool IsKubernetes(JsonObject assignment) =>
        AzureJson.Text(assignment, "properties.policyDefinitionId") is { } id
        && KubernetesDefinitions.Any(guid => id.EndsWith("/" + guid, StringComparison.OrdinalIgnoreCase));
}
