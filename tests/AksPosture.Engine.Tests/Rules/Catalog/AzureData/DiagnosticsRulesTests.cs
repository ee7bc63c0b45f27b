using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Rules.Catalog.Workloads;
using static AksPosture.Engine.Tests.Rules.Catalog.Workloads.AzureDataSamples;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>The diagnostics check, reported as AKS-OPS-03 and AKS-POL-06.</summary>
public class DiagnosticsRulesTests
{
    private static AzureDataCase Logged() => AzureDataCase.For().With("diagnosticSettings");

    /// <summary>Replaces the first setting's logs with these entries (<see cref="AzureDataSamples.Log"/>, <see cref="AzureDataSamples.LogGroup"/>).</summary>
    private static Action<JsonNode> Logs(params string[] entries) =>
        d => d["value"]![0]!["properties"]!["logs"] = JsonNode.Parse($"[ {string.Join(", ", entries)} ]");

    [Theory]
    [InlineData("AKS-OPS-03")]
    [InlineData("AKS-POL-06")]
    public void Diagnostics_ApiServerAndAuditAdminToWorkspace_Pass(string ruleId)
    {
        var result = Logged().Evaluate(ruleId);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("diagnostics", result.CheckId);
        Assert.Contains(new Evidence("azure.diagnosticSettings[aks-control-plane]",
            "logs: cluster-autoscaler, guard, kube-apiserver, kube-audit-admin; destination: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-contoso-weu"),
            result.Evidence);
    }

    [Theory]
    [InlineData("AKS-OPS-03")]
    [InlineData("AKS-POL-06")]
    public void Diagnostics_NoSetting_Fails(string ruleId)
    {
        var result = AzureDataCase.For().With("diagnosticSettings", JsonNode.Parse("""{ "value": [] }""")).Evaluate(ruleId);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("no diagnostic setting", result.Message);
    }

    [Fact]
    public void Diagnostics_AllLogsGroup_PassWithTheGroupExpanded()
    {
        var result = Logged().With("diagnosticCategories").Edit("diagnosticSettings", Logs(LogGroup("allLogs"))).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("group allLogs: cloud-controller-manager, cluster-autoscaler,", result.EvidenceAt("azure.diagnosticSettings[aks-control-plane]"));
        Assert.Equal("12 item(s)", result.EvidenceAt("azure.diagnosticCategories"));
    }

    [Fact]
    public void Diagnostics_AuditGroupWithApiServer_PassThroughTheGroupsMembers()
    {
        var result = Logged().With("diagnosticCategories").Edit("diagnosticSettings", Logs(Log("kube-apiserver"), LogGroup("audit"))).Evaluate("AKS-POL-06");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Equal("logs: guard, kube-apiserver, kube-audit, kube-audit-admin; group audit: guard, kube-audit, kube-audit-admin; destination: " + Workspace,
            result.EvidenceAt("azure.diagnosticSettings[aks-control-plane]"));
    }

    [Fact]
    public void Diagnostics_AuditGroupWithoutTheAuditCategories_Warns()
    {
        // Azure's answer decides the group: here "audit" holds only guard.
        var categories = AzureDataCase.Data("diagnosticCategories");
        foreach (var item in categories["value"]!.AsArray())
        {
            if ((string?)item!["name"] is "kube-audit" or "kube-audit-admin")
            {
                item["properties"]!["categoryGroups"] = new JsonArray("allLogs");
            }
        }

        var result = Logged().With("diagnosticCategories", categories).Edit("diagnosticSettings", Logs(Log("kube-apiserver"), LogGroup("audit"))).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("neither kube-audit nor kube-audit-admin is collected", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("group audit: guard;", result.EvidenceAt("azure.diagnosticSettings[aks-control-plane]"));
    }

    [Fact]
    public void Diagnostics_AuditGroupOnly_WarnsAboutApiServer()
    {
        var result = Logged().With("diagnosticCategories").Edit("diagnosticSettings", Logs(LogGroup("audit"))).Evaluate("AKS-POL-06");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("No setting collects kube-apiserver logs", result.Message);
    }

    [Theory]
    [InlineData("AKS-OPS-03")]
    [InlineData("AKS-POL-06")]
    public void Diagnostics_GroupWithoutCategoriesList_NotApplicableSayingWhy(string ruleId)
    {
        var result = Logged().Edit("diagnosticSettings", Logs(Log("kube-apiserver"), LogGroup("audit"))).Evaluate(ruleId);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains("enable category group(s) 'audit', whose categories are unknown", result.Message, StringComparison.Ordinal);
        Assert.Contains("'diagnosticCategories' was not collected", result.Message, StringComparison.Ordinal);
        Assert.Contains("group audit: not expanded", result.EvidenceAt("azure.diagnosticSettings[aks-control-plane]"));
        Assert.Null(result.EvidenceAt("azure.diagnosticCategories"));
    }

    [Fact]
    public void Diagnostics_GroupWhenCategoriesReadFailed_ErrorNamingThePermission()
    {
        var result = Logged().Failed("diagnosticCategories", permission: "Microsoft.Insights/diagnosticSettingsCategories/read")
            .Edit("diagnosticSettings", Logs(LogGroup("allLogs"))).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("'allLogs'", result.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/diagnosticSettingsCategories/read", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnostics_NamedCategoriesCoverEverything_PassWithoutTheCategoriesList()
    {
        var result = Logged().Edit("diagnosticSettings", Logs(Log("kube-apiserver"), Log("kube-audit-admin"), LogGroup("allLogs"))).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Diagnostics_NoAuditCategory_Warns()
    {
        var result = Logged().Edit("diagnosticSettings", d => d["value"]![0]!["properties"]!["logs"]![2]!["enabled"] = false).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("neither kube-audit nor kube-audit-admin", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Diagnostics_SettingWithoutDestination_Warns()
    {
        var result = Logged().Edit("diagnosticSettings", d => d["value"]![0]!["properties"]!["workspaceId"] = null).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("no destination", result.Message);
    }

    [Theory]
    [InlineData("AKS-OPS-03")]
    [InlineData("AKS-POL-06")]
    public void Diagnostics_NotCollected_NotApplicable(string ruleId)
    {
        Assert.Equal(RuleStatus.NotApplicable, AzureDataCase.For().Evaluate(ruleId).Status);
    }

    [Theory]
    [InlineData("AKS-OPS-03")]
    [InlineData("AKS-POL-06")]
    public void Diagnostics_CollectionFailed_ErrorNamingPermission(string ruleId)
    {
        var result = AzureDataCase.For().Failed("diagnosticSettings").Evaluate(ruleId);

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Insights/diagnosticSettings/read", result.Message);
    }
}
