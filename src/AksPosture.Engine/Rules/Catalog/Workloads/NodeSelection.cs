using System.Globalization;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>How a pod spec chooses nodes: <c>nodeSelector</c>, node affinity and tolerations.</summary>
internal static class NodeSelection
{
    // Selecting the OS says nothing about which pool a workload belongs on; Helm charts set it by default.
    private static readonly string[] OsLabels = ["kubernetes.io/os", "beta.kubernetes.io/os"];

    public static JsonObject? NodeAffinity(JsonObject? podSpec) => podSpec?["affinity"]?["nodeAffinity"] as JsonObject;

    /// <summary>A node selector beyond the OS, or any node affinity (required or preferred).</summary>
    public static bool ChoosesNodes(JsonObject? podSpec)
    {
        if (podSpec?["nodeSelector"] is JsonObject selector)
        {
            foreach (var (key, value) in selector)
            {
                if (Json.IsText(value) && !OsLabels.Contains(key))
                {
                    return true;
                }
            }
        }

        return Json.Present(NodeAffinity(podSpec));
    }

    public static IEnumerable<JsonObject> Tolerations(JsonObject? podSpec) => Json.Objects(podSpec?["tolerations"]);

    /// <summary>Whether a node with these labels satisfies the selector and the required node affinity.</summary>
    public static bool Admits(JsonObject? podSpec, IReadOnlyDictionary<string, string> labels)
    {
        // Every string entry of the node selector must match; other entries are ignored. The selector is read in
        // place: this runs for every workload, pool and node.
        if (podSpec?["nodeSelector"] is JsonObject selector)
        {
            foreach (var (key, wanted) in selector)
            {
                if (Json.IsText(wanted) && !(labels.TryGetValue(key, out var value) && Json.TextEquals(wanted, value)))
                {
                    return false;
                }
            }
        }

        if (NodeAffinity(podSpec) is not { } affinity)
        {
            return true;
        }

        var terms = Json.Objects(Json.At(affinity, "requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms")).ToList();
        return terms.Count == 0 || terms.Any(term => Json.Objects(term["matchExpressions"]).All(e => Matches(e, labels)));
    }

    private static bool Matches(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var key = Json.Text(expression["key"]) ?? "";
        var values = Json.Texts(expression["values"]);
        var has = labels.TryGetValue(key, out var value);
        return Json.Text(expression["operator"]) switch
        {
            "In" => has && values.Contains(value!),
            "NotIn" => !has || !values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            "Gt" => has && Compare(value!, values) > 0,
            "Lt" => has && Compare(value!, values) < 0,
            _ => false,
        };
    }

    private static int Compare(string value, IReadOnlyList<string> values) =>
        values.Count == 1 && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            && long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : 0;
}
