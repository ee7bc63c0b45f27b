using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.Workloads;

/// <summary>A <c>metav1.LabelSelector</c> (matchLabels AND matchExpressions), as a PodDisruptionBudget uses it.</summary>
internal static class LabelSelector
{
    /// <summary>
    /// Whether the selector selects pods with these labels. In policy/v1 an absent selector selects nothing and an
    /// empty one (<c>{}</c>) selects every pod in the namespace.
    /// </summary>
    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not JsonObject obj)
        {
            return false;
        }

        return Json.Map(obj["matchLabels"]).All(m => labels.TryGetValue(m.Key, out var value) && value == m.Value)
            && Json.Objects(obj["matchExpressions"]).All(e => Matches(e, labels));
    }

    private static bool Matches(JsonObject expression, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Json.Text(expression["key"]) ?? "", out var value);
        var values = Json.Texts(expression["values"]);
        return Json.Text(expression["operator"]) switch
        {
            "In" => has && values.Contains(value!),
            "NotIn" => !has || !values.Contains(value!),
            "Exists" => has,
            "DoesNotExist" => !has,
            _ => false,
        };
    }
}
