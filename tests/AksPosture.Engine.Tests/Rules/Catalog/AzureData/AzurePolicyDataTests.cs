using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>
/// The Azure Policy add-on check (AKS-SEC-14, AKS-OPS-05, AKS-OPS-08) with policy data collected; the cases without
/// data are in GovernanceRulesTests.
/// </summary>
public class AzurePolicyDataTests
{
    private const string AddonEnabled = "properties.addonProfiles.azurepolicy.enabled";

    public static TheoryData<string> RuleIds => ["AKS-SEC-14", "AKS-OPS-05", "AKS-OPS-08"];

    private static AzureDataCase WithoutKubernetesAssignment() =>
        AzureDataCase.For().With("policyAssignments").Edit("policyAssignments", d => d["value"]!.AsArray().RemoveAt(0));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Policy_BaselineInitiativeAssigned_Pass(string ruleId)
    {
        var result = AzureDataCase.For().With("policyAssignments").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("azure-policy-addon", result.CheckId);
        Assert.Contains("'Kubernetes pod security baseline (Linux)'", result.Message);
        Assert.Contains(new Evidence("azure.policyAssignments.kubernetes", "Kubernetes pod security baseline (Linux)"), result.Evidence);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Policy_AddonOnButNoKubernetesAssignment_Warns(string ruleId)
    {
        var result = WithoutKubernetesAssignment().Evaluate(ruleId);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("azure.policyAssignments.kubernetes", "none"), result.Evidence);
    }

    [Fact]
    public void Policy_ClusterResourceGroupExcluded_Warns()
    {
        var result = AzureDataCase.For().With("policyAssignments")
            .Edit("policyAssignments", d => d["value"]![0]!["properties"]!["notScopes"] =
                new JsonArray("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-aks-prod"))
            .Evaluate("AKS-SEC-14");

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Policy_AddonOffWithAssignments_StillFails(string ruleId)
    {
        var result = AzureDataCase.For().With("policyAssignments", "policyStates").Set(AddonEnabled, false).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
    }

    [Fact]
    public void Ops05_NonCompliantComponents_Warns()
    {
        var result = AzureDataCase.For().With("policyAssignments", "policyStates").Evaluate("AKS-OPS-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("1 Kubernetes component(s) are non-compliant (e.g. Pod legacy-agent-7c9d5b6f4-x2k8q)", result.Message);
        Assert.Contains(new Evidence("azure.policyStates.nonCompliant", "1 policy state(s), 1 component(s)"), result.Evidence);
    }

    [Theory]
    [InlineData("AKS-SEC-14")]
    [InlineData("AKS-OPS-08")]
    public void Policy_ComplianceIsOnlyJudgedByOps05(string ruleId)
    {
        var result = AzureDataCase.For().With("policyAssignments", "policyStates").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Ops05_PolicyStatesAllCompliant_Pass()
    {
        var result = AzureDataCase.For().With("policyAssignments", "policyStates")
            .Edit("policyStates", d => d["value"]!.AsArray().RemoveAt(0))
            .Evaluate("AKS-OPS-05");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("azure.policyStates.nonCompliant", "0 policy state(s), 0 component(s)"), result.Evidence);
    }

    [Fact]
    public void Ops05_PolicyStatesWithoutAssignmentData_WarnsOnCompliance()
    {
        var result = AzureDataCase.For().With("policyStates").Evaluate("AKS-OPS-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("not compliant with 1 policy definition(s)", result.Message);
    }

    [Fact]
    public void Ops05_NoKubernetesAssignment_WarnsOnAssignmentFirst()
    {
        var result = WithoutKubernetesAssignment().With("policyStates").Evaluate("AKS-OPS-05");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no Kubernetes policy or initiative is assigned", result.Message);
    }
}
