using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>
/// AKS-ADV-01: open Azure Advisor recommendations for the cluster and its node resource group, judged per category
/// (Advisor 2025-01-01: properties.category HighAvailability / Security / Cost / Performance / OperationalExcellence,
/// properties.impact High / Medium / Low).
/// </summary>
internal static class AdvisorRule
{
    private static readonly string[] Categories = ["HighAvailability", "Security", "Cost", "OperationalExcellence", "Performance"];

    public static readonly Rule Rule = new(new RuleDefinition
    {
        Id = "AKS-ADV-01",
        Pillar = Pillar.OperationalExcellence,
        Severity = Severity.Medium,
        Title = "Act on Azure Advisor recommendations for the cluster",
        Rationale = "Advisor sees the cluster from Azure's side (retired versions, quota, unused capacity, reservations) and keeps flagging the same risk until someone resolves or dismisses it.",
        Remediation = "Resolve open Advisor recommendations for the cluster and its node resource group, High impact first, or dismiss them with a reason.",
        RemediationCommand = "az advisor recommendation list --ids <clusterId> -o table",
        RemediationProperty = "(Azure Advisor) recommendations for the cluster and its node resource group",
        SeedReference = "Azure Advisor recommendations",
        LearnMoreUrl = "https://learn.microsoft.com/azure/advisor/advisor-reference-reliability-recommendations#azure-kubernetes-service-aks",
    }, Evaluate);

    private static Outcome Evaluate(Probe probe)
    {
        if (!probe.TryDataSet(AzureDataSets.AdvisorRecommendations, out var data, out var missing))
        {
            return missing;
        }

        // The collector queries the cluster and its node resource group; a recommendation can appear in both answers.
        var recommendations = AzureJson.Items(data)
            .DistinctBy(r => AzureJson.Text(r, "id") ?? AzureJson.Text(r, "name") ?? r.ToJsonString(), StringComparer.OrdinalIgnoreCase)
            .ToList();
        var byCategory = recommendations.GroupBy(r => AzureJson.Text(r, "properties.category") ?? "Unknown", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var findings = Categories.Concat(byCategory.Keys.Where(k => !Categories.Contains(k, StringComparer.OrdinalIgnoreCase)))
            .Select(c => Judge(probe, c, byCategory.GetValueOrDefault(c, [])))
            .ToList();

        var worst = findings.Any(f => f.Status == RuleStatus.Fail) ? RuleStatus.Fail
            : findings.Any(f => f.Status == RuleStatus.Warn) ? RuleStatus.Warn
            : RuleStatus.Pass;
        var open = findings.Where(f => f.Status != RuleStatus.Pass).Select(f => f.ObjectKey["advisor/".Length..]).ToList();
        var message = worst == RuleStatus.Pass
            ? "No Advisor recommendation is open for the cluster."
            : $"{recommendations.Count} Advisor recommendation(s) are open ({string.Join(", ", open)}){(worst == RuleStatus.Fail ? ", some with High impact" : "")}.";
        return new Outcome(worst, message) { Objects = findings };
    }

    private static ObjectFinding Judge(Probe probe, string category, IReadOnlyList<JsonObject> open)
    {
        var key = $"advisor/{category}";
        var impacts = open.Select(r => AzureJson.Text(r, "properties.impact") ?? "Unknown").ToList();
        probe.Note($"azure.advisorRecommendations[{category}]", open.Count == 0 ? "none" : string.Join(", ", impacts));
        var evidence = open.Select(r => new Evidence($"{key}: {AzureJson.Name(r)}",
            $"{AzureJson.Text(r, "properties.impact")}: {AzureJson.Text(r, "properties.shortDescription.problem")}")).ToArray();
        if (open.Count == 0)
        {
            return new ObjectFinding(key, RuleStatus.Pass, $"No open {category} recommendation.", []);
        }

        var high = impacts.Count(i => i.Equals("High", StringComparison.OrdinalIgnoreCase));
        return high > 0
            ? new ObjectFinding(key, RuleStatus.Fail, $"{open.Count} open {category} recommendation(s), {high} with High impact.", evidence)
            : new ObjectFinding(key, RuleStatus.Warn, $"{open.Count} open {category} recommendation(s) with Medium or Low impact.", evidence);
    }
}
