using System.Globalization;
using System.Text.Json.Nodes;
using AksPosture.AzureEmulator.Fixtures;

namespace AksPosture.AzureEmulator.Endpoints;

/// <summary>
/// A read-only Kubernetes API per cluster under <c>/k8s/{cluster}/</c>: <c>api/v1/{plural}</c> and
/// <c>apis/{group}/{version}/{plural}</c> lists with <c>limit</c> / <c>continue</c>. Items come without kind and
/// apiVersion, as from a real API server. CRDs are made up for the custom kinds a cluster holds; every cluster also
/// holds one Secret, so a test can prove the collectors never ask for it.
/// </summary>
internal sealed class KubernetesEndpoints(AzureEmulatorServer emulator)
{
    private static readonly HashSet<string> BuiltInGroups =
        ["", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io", "apiextensions.k8s.io"];

    public IResult Answer(HttpContext context, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var cluster = parts.Length > 1 ? emulator.Fleet.FindByName(parts[1]) : null;
        var (group, version, plural) = parts.Length switch
        {
            5 when parts[2] == "api" => ("", parts[3], parts[4]),
            6 when parts[2] == "apis" => (parts[3], parts[4], parts[5]),
            _ => ("?", "", ""),
        };
        if (cluster is null || group == "?")
        {
            return Status(404, "NotFound", $"the server could not find the requested resource ({path})");
        }

        if (emulator.Faults.IsKubernetesForbidden(cluster.Name))
        {
            return Status(403, "Forbidden", $"{plural} is forbidden: User \"collector\" cannot list resource \"{plural}\" in API group \"{group}\" at the cluster scope");
        }

        var objects = Objects(cluster).Where(o => PluralOf((string?)o["kind"]) == plural && GroupOf(o) == group).ToList();
        if (!BuiltInGroups.Contains(group) && objects.Count == 0)
        {
            return Status(404, "NotFound", "the server could not find the requested resource");
        }

        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var offset = int.TryParse(context.Request.Query["continue"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var page = objects.Skip(offset).Take(limit).Select(Strip).ToArray();
        var metadata = new JsonObject { ["resourceVersion"] = "1" };
        if (offset + page.Length < objects.Count)
        {
            metadata["continue"] = (offset + page.Length).ToString(CultureInfo.InvariantCulture);
        }

        var kind = objects.Count > 0 ? (string?)objects[0]["kind"] : null;
        return Results.Json(new JsonObject
        {
            ["kind"] = $"{kind ?? "Object"}List",
            ["apiVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["metadata"] = metadata,
            ["items"] = new JsonArray(page),
        });
    }

    private static IEnumerable<JsonObject> Objects(EmulatedCluster cluster)
    {
        var secret = new JsonObject
        {
            ["kind"] = "Secret", ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject { ["name"] = "app-credentials", ["namespace"] = "default" },
            ["data"] = new JsonObject { ["password"] = "bm90LWEtcmVhbC1wYXNzd29yZA==" },
        };
        var crds = cluster.KubernetesObjects.Where(o => !BuiltInGroups.Contains(GroupOf(o)))
            .Select(o => $"{PluralOf((string?)o["kind"])}.{GroupOf(o)}").Distinct()
            .Select(name => new JsonObject { ["kind"] = "CustomResourceDefinition", ["apiVersion"] = "apiextensions.k8s.io/v1", ["metadata"] = new JsonObject { ["name"] = name } });
        return cluster.KubernetesObjects.Append(secret).Concat(crds);
    }

    private static JsonNode Strip(JsonObject item)
    {
        var copy = (JsonObject)item.DeepClone();
        copy.Remove("kind");
        copy.Remove("apiVersion");
        return copy;
    }

    private static string GroupOf(JsonObject item) =>
        (string?)item["apiVersion"] is { } apiVersion && apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";

    private static string PluralOf(string? kind)
    {
        var lower = (kind ?? "").ToLowerInvariant();
        return lower.EndsWith('y') ? lower[..^1] + "ies" : lower.EndsWith('s') ? lower + "es" : lower + "s";
    }

    private static IResult Status(int code, string reason, string message) => Results.Json(new JsonObject
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["message"] = message, ["reason"] = reason, ["code"] = code,
    }, statusCode: code);
}
