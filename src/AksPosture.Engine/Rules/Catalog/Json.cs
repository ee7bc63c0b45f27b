using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>
/// Tolerant reads of raw JSON: a value of the wrong kind reads as absent, because one odd Kubernetes object must not
/// turn a whole cluster's verdict into ERROR. <see cref="AzureJson"/> reads ARM data strictly instead.
/// </summary>
internal static class Json
{
    public static string? Text(JsonNode? node) => ClusterSnapshot.TextOf(node);

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IReadOnlyList<string> Texts(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>().ToList() : [];

    /// <summary>A string map such as <c>metadata.labels</c> or <c>spec.nodeSelector</c>.</summary>
    public static IReadOnlyDictionary<string, string> Map(JsonNode? node) => KubernetesObject.StringMap(node as JsonObject);

    /// <summary>Whether the node is a string, without reading it.</summary>
    public static bool IsText(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    /// <summary>Whether the node is the string <paramref name="expected"/> (ordinal), without reading it.</summary>
    public static bool TextEquals(JsonNode? node, string expected) => JsonStrings.IsString(node, expected);

    /// <summary>true / false, also spelt as a string in any letter case (ARM settings often are); anything else is null.</summary>
    public static bool? Flag(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        JsonValue v when v.TryGetString(out var s) && s.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        JsonValue v when v.TryGetString(out var s) && s.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => null,
    };

    public static bool Present(JsonNode? node) => node switch
    {
        null => false,
        JsonObject obj => obj.Count > 0,
        JsonArray array => array.Count > 0,
        _ => true,
    };

    public static JsonNode? At(JsonNode? node, string path) => Probe.Navigate(node, path);
}
