using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksPosture.AzureEmulator.Endpoints;

/// <summary>
/// Every request passes here: it is logged, needs a bearer token, waits the configured latency, may meet an injected
/// fault, and is then answered by the ARM, Resource Graph or Kubernetes endpoints.
/// </summary>
internal sealed partial class EmulatorHandler(AzureEmulatorServer emulator)
{
    private readonly Random _random = new(emulator.Options.Seed);
    private readonly ArmEndpoints _arm = new(emulator);
    private readonly ResourceGraphEndpoint _graph = new(emulator);
    private readonly KubernetesEndpoints _kubernetes = new(emulator);

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var kind = Classify(path);
        var call = new Call(kind, context.Request.Method, path + context.Request.QueryString, CallLog.Now);
        emulator.Log.Add(call);
        try
        {
            await AnswerAsync(context, kind, path).ConfigureAwait(false);
        }
        finally
        {
            call.Status = context.Response.StatusCode;
        }
    }

    private async Task AnswerAsync(HttpContext context, string kind, string path)
    {
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Json(Error("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."), statusCode: 401).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // Resource Graph counts a query against the quota when it arrives, whatever happens next.
        var quota = kind == CallKind.ResourceGraph ? _graph.Admit() : null;
        if (emulator.Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(emulator.Options.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (InjectedFault(kind) is { } fault)
        {
            await fault.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var result = kind switch
        {
            CallKind.ResourceGraph => await _graph.QueryAsync(context, quota!).ConfigureAwait(false),
            CallKind.Kubernetes => _kubernetes.Answer(context, path),
            _ => await _arm.AnswerAsync(context, kind, path).ConfigureAwait(false),
        };
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private IResult? InjectedFault(string kind)
    {
        if (kind == CallKind.Kubernetes)
        {
            return null;
        }

        if (emulator.Faults.IsForbidden(kind))
        {
            return Results.Json(Error("AuthorizationFailed", $"The client 'collector' with object id '00000000-0000-0000-0000-00000000c011' does not have authorization to perform action '{ArmEndpoints.ActionOf(kind)}' over scope '/subscriptions/…' or the scope is invalid."), statusCode: 403);
        }

        if (!emulator.Faults.TryTakeScripted(kind, out var status))
        {
            lock (_random)
            {
                var roll = _random.NextDouble();
                status = kind != CallKind.ResourceGraph && roll < emulator.Options.ThrottleRate ? 429
                    : roll < emulator.Options.ThrottleRate + emulator.Options.ServerErrorRate ? (roll * 1000 % 2 < 1 ? 500 : 503)
                    : 0;
            }
        }

        return status switch
        {
            0 => null,
            429 => new RetryAfterResult(emulator.Options.RetryAfterSeconds),
            _ => Results.Json(Error(status == 503 ? "ServiceUnavailable" : "InternalServerError", "Injected fault."), statusCode: status),
        };
    }

    internal static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static string Classify(string path)
    {
        if (path.StartsWith("/k8s/", StringComparison.OrdinalIgnoreCase))
        {
            return CallKind.Kubernetes;
        }

        if (path.Equals("/providers/Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase))
        {
            return CallKind.ResourceGraph;
        }

        if (PricingPath().IsMatch(path))
        {
            return CallKind.DefenderPricing;
        }

        var rest = ClusterPath().Match(path) is { Success: true } match ? match.Groups["rest"].Value : null;
        return rest?.ToLowerInvariant() switch
        {
            null => CallKind.Unknown,
            "" => CallKind.Cluster,
            "/agentpools" => CallKind.AgentPools,
            "/maintenanceconfigurations" => CallKind.MaintenanceConfigurations,
            "/listclusterusercredential" => CallKind.ListClusterUserCredential,
            "/providers/microsoft.insights/diagnosticsettings" => CallKind.DiagnosticSettings,
            "/providers/microsoft.insights/diagnosticsettingscategories" => CallKind.DiagnosticCategories,
            "/providers/microsoft.insights/metrics" => CallKind.Metrics,
            _ => CallKind.Unknown,
        };
    }

    [GeneratedRegex(@"^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.ContainerService/managedClusters/[^/]+(?<rest>/.*)?$", RegexOptions.IgnoreCase)]
    internal static partial Regex ClusterPath();

    [GeneratedRegex(@"^/subscriptions/(?<subscription>[^/]+)/providers/Microsoft\.Security/pricings/Containers$", RegexOptions.IgnoreCase)]
    internal static partial Regex PricingPath();

    /// <summary>429 Too Many Requests with the standard Retry-After header in seconds.</summary>
    private sealed class RetryAfterResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(Error("TooManyRequests", "Injected throttling."), statusCode: 429).ExecuteAsync(httpContext);
        }
    }
}
