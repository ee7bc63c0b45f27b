using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>A node pool taint as ARM spells it: <c>key=value:Effect</c> or <c>key:Effect</c>.</summary>
internal sealed record PoolTaint(string Key, string? Value, string Effect)
{
    /// <summary>The system-pool isolation taint; tolerating it does not aim a workload at a user pool.</summary>
    public bool IsCriticalAddonsOnly => Key == "CriticalAddonsOnly";

    public static PoolTaint? Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var keyValue = text[..colon];
        var equals = keyValue.IndexOf('=');
        return equals < 0
            ? new PoolTaint(keyValue, null, text[(colon + 1)..])
            : new PoolTaint(keyValue[..equals], keyValue[(equals + 1)..], text[(colon + 1)..]);
    }

    /// <summary>Kubernetes toleration matching: Exists ignores the value, an empty key with Exists tolerates all.</summary>
    public bool IsToleratedBy(JsonObject toleration)
    {
        var key = Json.Text(toleration["key"]);
        var exists = Json.Text(toleration["operator"]) == "Exists";
        var effect = Json.Text(toleration["effect"]);
        var keyMatches = exists ? string.IsNullOrEmpty(key) || key == Key : key == Key && (Json.Text(toleration["value"]) ?? "") == (Value ?? "");
        return keyMatches && (string.IsNullOrEmpty(effect) || effect == Effect);
    }

    public override string ToString() => Value is null ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";
}
