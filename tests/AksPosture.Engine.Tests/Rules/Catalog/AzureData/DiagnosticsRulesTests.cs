using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;

namespace AksPosture.Engine.Tests.Rules.Catalog.AzureDataChecks;

/// <summary>The diagnostics check, reported as AKS-OPS-03 and AKS-POL-06.</summary>
public class DiagnosticsRulesTests
{
    private static AzureDataCase Logged() => AzureDataCase.For().With("diagnosticSettings");

    private static Action<JsonNode> Logs(string json) => d => d["value"]![0]!["properties"]!["logs"] = JsonNode.Parse(json);

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
    public void Diagnostics_AllLogsGroup_Pass()
    {
        var result = Logged().Edit("diagnosticSettings", Logs("""[ { "category": null, "categoryGroup": "allLogs", "enabled": true } ]""")).Evaluate("AKS-OPS-03");

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Diagnostics_AuditGroupOnly_WarnsAboutApiServer()
    {
        var result = Logged().Edit("diagnosticSettings", Logs("""[ { "category": null, "categoryGroup": "audit", "enabled": true } ]""")).Evaluate("AKS-POL-06");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("No setting collects kube-apiserver logs", result.Message);
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
