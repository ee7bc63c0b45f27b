using AksPosture.Web.Features.Remediation;
using MudBlazor;

namespace AksPosture.Web.Features.Findings;

/// <summary>One colour per lifecycle state, workflow status and severity, so every finding view reads the same.</summary>
public static class FindingColours
{
    public static Color State(string state) => state switch
    {
        "new" => Color.Error,
        "reopened" => Color.Warning,
        "open" => Color.Secondary,
        "resolved" => Color.Success,
        _ => Color.Default,
    };

    public static Color Workflow(string status) => WorkflowStatusNames.FromKey(status) switch
    {
        WorkflowStatus.InProgress => Color.Info,
        WorkflowStatus.PendingVerification => Color.Primary,
        WorkflowStatus.WontFix => Color.Dark,
        _ => Color.Default,
    };

    public static Color Severity(string severity) => severity switch
    {
        "critical" => Color.Error,
        "high" => Color.Warning,
        "medium" => Color.Info,
        _ => Color.Default,
    };
}
