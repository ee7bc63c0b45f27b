namespace AksPosture.Engine.Tests.Rules.Catalog.Workloads;

/// <summary>Azure data sets for the mostly-compliant cluster, shaped like the ARM list responses the collectors store.</summary>
internal static class AzureDataSamples
{
    public const string ClusterId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-contoso-aks-prod/providers/Microsoft.ContainerService/managedClusters/aks-contoso-prod-weu";
    public const string Subscription = "/subscriptions/00000000-0000-0000-0000-000000000000";
    public const string Workspace = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-monitoring/providers/Microsoft.OperationalInsights/workspaces/log-contoso-weu";

    public static string MetricAlert(string name, string scope, bool enabled = true, string? targetType = null) => $$"""
        {
          "id": "{{Subscription}}/resourceGroups/rg-contoso-monitoring/providers/Microsoft.Insights/metricAlerts/{{name}}",
          "name": "{{name}}",
          "type": "Microsoft.Insights/metricAlerts",
          "location": "global",
          "properties": {
            "description": "Node readiness dropped",
            "severity": 1,
            "enabled": {{(enabled ? "true" : "false")}},
            "scopes": [ "{{scope}}" ],
            {{(targetType is null ? "" : $"\"targetResourceType\": \"{targetType}\", \"targetResourceRegion\": \"westeurope\",")}}
            "evaluationFrequency": "PT5M",
            "windowSize": "PT15M",
            "criteria": {
              "odata.type": "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
              "allOf": [ { "criterionType": "StaticThresholdCriterion", "name": "c1", "metricName": "kube_node_status_condition", "metricNamespace": "Microsoft.ContainerService/managedClusters", "operator": "GreaterThan", "threshold": 0, "timeAggregation": "Average",
                           "dimensions": [ { "name": "status2", "operator": "Include", "values": [ "NotReady" ] } ] } ]
            },
            "autoMitigate": true,
            "actions": [ { "actionGroupId": "{{Subscription}}/resourceGroups/rg-contoso-monitoring/providers/microsoft.insights/actionGroups/ag-platform-oncall" } ]
          }
        }
        """;

    public static string PrometheusRuleGroup(string clusterName) => $$"""
        {
          "id": "{{Subscription}}/resourceGroups/rg-contoso-monitoring/providers/Microsoft.AlertsManagement/prometheusRuleGroups/KubernetesAlert-RecommendedMetricAlerts{{clusterName}}-Pod-level",
          "name": "KubernetesAlert-RecommendedMetricAlerts{{clusterName}}-Pod-level",
          "type": "Microsoft.AlertsManagement/prometheusRuleGroups",
          "location": "westeurope",
          "properties": {
            "clusterName": "{{clusterName}}",
            "enabled": true,
            "interval": "PT1M",
            "scopes": [ "{{Subscription}}/resourcegroups/rg-contoso-monitoring/providers/microsoft.monitor/accounts/amw-contoso-weu" ],
            "rules": [ { "alert": "KubePodCrashLooping", "expression": "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}[5m]) >= 1", "for": "PT15M", "severity": 4, "enabled": true } ]
          }
        }
        """;

    public static string List(params string[] items) => $$"""{ "value": [ {{string.Join(",", items)}} ] }""";

    public static string PolicyAssignment(string name, string definitionGuid, string scope, params string[] notScopes) => $$"""
        {
          "id": "{{scope}}/providers/Microsoft.Authorization/policyAssignments/{{name}}",
          "name": "{{name}}",
          "type": "Microsoft.Authorization/policyAssignments",
          "properties": {
            "displayName": "{{name}}",
            "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/{{definitionGuid}}",
            "scope": "{{scope}}",
            "notScopes": [ {{string.Join(",", notScopes.Select(s => $"\"{s}\""))}} ],
            "enforcementMode": "Default",
            "parameters": { "cpuLimit": { "value": "2" }, "memoryLimit": { "value": "4Gi" } }
          }
        }
        """;

    public static string DiagnosticSetting(string name, string? workspaceId, params string[] logs) => $$"""
        {
          "id": "{{ClusterId}}/providers/microsoft.insights/diagnosticSettings/{{name}}",
          "name": "{{name}}",
          "type": "Microsoft.Insights/diagnosticSettings",
          "properties": {
            {{(workspaceId is null ? "\"storageAccountId\": \"" + Subscription + "/resourceGroups/rg-contoso-monitoring/providers/Microsoft.Storage/storageAccounts/stcontosoaudit\"," : $"\"workspaceId\": \"{workspaceId}\", \"logAnalyticsDestinationType\": \"Dedicated\",")}}
            "logs": [ {{string.Join(",", logs)}} ],
            "metrics": [ { "category": "AllMetrics", "enabled": true, "retentionPolicy": { "enabled": false, "days": 0 } } ]
          }
        }
        """;

    public static string Log(string category, bool enabled = true) =>
        $$"""{ "category": "{{category}}", "categoryGroup": null, "enabled": {{(enabled ? "true" : "false")}}, "retentionPolicy": { "enabled": false, "days": 0 } }""";

    public static string LogGroup(string group) =>
        $$"""{ "category": null, "categoryGroup": "{{group}}", "enabled": true, "retentionPolicy": { "enabled": false, "days": 0 } }""";
}
