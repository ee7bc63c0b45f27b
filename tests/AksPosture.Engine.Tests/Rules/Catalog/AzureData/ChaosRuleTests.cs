using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>AKS-OPS-04: Chaos Studio target and recent experiment runs (assessed on 2026-11-20, window from 2026-08-22).</summary>
public class ChaosRuleTests
{
    private const string Rule = "AKS-OPS-04";

    private static AzureDataCase Chaos() => AzureDataCase.For().With("chaosTargets", "chaosExperiments");

    [Fact]
    public void Chaos_RecentRunAgainstCluster_AsksForStrategy()
    {
        var result = Chaos().Evaluate(Rule);

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("ran on 2026-10-28 (success)", result.Message);
        Assert.Contains(new Evidence("azure.chaosExperiments.recentRuns", "1 experiment(s) target the cluster; 1 run(s) since 2026-08-22"), result.Evidence);
    }

    [Fact]
    public void Chaos_OnlyOldRuns_Warns()
    {
        var result = Chaos().Edit("chaosExperiments", d => d.AsArray().RemoveAt(1)).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("last 90 days", result.Message);
    }

    [Fact]
    public void Chaos_ExperimentTargetsAnotherCluster_Warns()
    {
        var result = Chaos()
            .Edit("chaosExperiments", d => d[0]!["properties"]!["selectors"]![0]!["targets"]![0]!["id"] =
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-other/providers/Microsoft.ContainerService/managedClusters/aks-other/providers/Microsoft.Chaos/targets/Microsoft-AzureKubernetesServiceChaosMesh")
            .Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no experiment targets it", result.Message);
    }

    [Fact]
    public void Chaos_NotOnboarded_Warns()
    {
        var result = AzureDataCase.For().With("chaosTargets", JsonNode.Parse("""{ "value": [] }""")).Evaluate(Rule);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("azure.chaosTargets[Microsoft-AzureKubernetesServiceChaosMesh]", null), result.Evidence);
    }

    [Fact]
    public void Chaos_TargetsNotCollected_NotApplicable()
    {
        Assert.Equal(RuleStatus.NotApplicable, AzureDataCase.For().Evaluate(Rule).Status);
    }

    [Fact]
    public void Chaos_ExperimentsCollectionFailed_Error()
    {
        var result = AzureDataCase.For().With("chaosTargets").Failed("chaosExperiments", "AuthorizationFailed", "Microsoft.Chaos/experiments/read").Evaluate(Rule);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Chaos/experiments/read", result.Message);
    }
}
