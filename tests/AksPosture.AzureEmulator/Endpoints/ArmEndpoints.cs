using System.Text;
using System.Text.Json.Nodes;
using AksPosture.AzureEmulator.Fixtures;

namespace AksPosture.AzureEmulator.Endpoints;

/// <summary>The ARM operations the collectors call, answered from the fleet fixture.</summary>
internal sealed class ArmEndpoints(AzureEmulatorServer emulator)
{
    /// <summary>The permission a call of this kind needs, as ARM names it in AuthorizationFailed.</summary>
    public static string ActionOf(string kind) => kind switch
    {
        CallKind.DiagnosticSettings => "Microsoft.Insights/diagnosticSettings/read",
        CallKind.DiagnosticCategories => "Microsoft.Insights/diagnosticSettingsCategories/read",
        CallKind.Metrics => "Microsoft.Insights/metrics/read",
        CallKind.MaintenanceConfigurations => "Microsoft.ContainerService/managedClusters/maintenanceConfigurations/read",
        CallKind.DefenderPricing => "Microsoft.Security/pricings/read",
        CallKind.ListClusterUserCredential => "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action",
        CallKind.AgentPools => "Microsoft.ContainerService/managedClusters/agentPools/read",
        CallKind.ResourceGraph => "Microsoft.ResourceGraph/resources/read",
        _ => "Microsoft.ContainerService/managedClusters/read",
    };

    public Task<IResult> AnswerAsync(HttpContext context, string kind, string path)
    {
        if (kind == CallKind.DefenderPricing)
        {
            var subscription = emulator.Fleet.FindSubscription(EmulatorHandler.PricingPath().Match(path).Groups["subscription"].Value);
            return Task.FromResult(subscription is null ? NotFound(path) : Results.Json(ClusterData.DefenderPricing(subscription)));
        }

        var match = EmulatorHandler.ClusterPath().Match(path);
        var cluster = match.Success ? emulator.Fleet.FindById(path[..match.Groups["rest"].Index]) : null;
        if (cluster is null)
        {
            return Task.FromResult(NotFound(path));
        }

        var query = context.Request.Query;
        return Task.FromResult(kind switch
        {
            CallKind.Cluster => Results.Json(cluster.Resource),
            CallKind.AgentPools => Results.Json(ClusterData.AgentPools(cluster)),
            CallKind.DiagnosticSettings => Results.Json(ClusterData.DiagnosticSettings(cluster)),
            CallKind.DiagnosticCategories => Results.Json(ClusterData.DiagnosticCategories(cluster)),
            CallKind.MaintenanceConfigurations => Results.Json(ClusterData.MaintenanceConfigurations(cluster)),
            CallKind.Metrics => Results.Json(ClusterData.Metrics(cluster, query["timespan"], query["metricnames"])),
            CallKind.ListClusterUserCredential when HttpMethods.IsPost(context.Request.Method) => Results.Json(Credential(cluster)),
            _ => NotFound(path),
        });
    }

    /// <summary><c>{ "kubeconfigs": [ { "name", "value": base64 kubeconfig } ] }</c>; Entra clusters get a kubelogin exec user.</summary>
    private JsonObject Credential(EmulatedCluster cluster)
    {
        var server = emulator.Options.UnreachableClusters.Contains(cluster.Name)
            ? $"https://127.0.0.1:{emulator.ClosedPort}/"
            : new Uri(emulator.BaseUri, $"k8s/{cluster.Name}/").AbsoluteUri;
        var user = cluster.UsesEntra
            ? """
                  exec:
                    apiVersion: client.authentication.k8s.io/v1beta1
                    command: kubelogin
                    args: [get-token, --server-id, 6dae42f8-4368-4678-94ff-3960e28e3630, --login, azurecli]
              """
            : """
                  token: emulator-local-account-token
              """;
        var kubeconfig = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {cluster.Name}
              cluster:
                server: {server}
                certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.CertificatePem))}
            contexts:
            - name: {cluster.Name}
              context:
                cluster: {cluster.Name}
                user: clusterUser_{cluster.ResourceGroup}_{cluster.Name}
            current-context: {cluster.Name}
            users:
            - name: clusterUser_{cluster.ResourceGroup}_{cluster.Name}
              user:
            {user}
            """;
        return new JsonObject
        {
            ["kubeconfigs"] = new JsonArray(new JsonObject { ["name"] = "clusterUser", ["value"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(kubeconfig)) }),
        };
    }

    private static IResult NotFound(string path) =>
        Results.Json(EmulatorHandler.Error("ResourceNotFound", $"The resource '{path}' was not found."), statusCode: 404);
}
