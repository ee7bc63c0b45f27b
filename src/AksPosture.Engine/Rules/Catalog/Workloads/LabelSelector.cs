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

        return MatchesLabels(obj["matchLabels"] as JsonObject, labels) && Json.Objects(obj["matchExpressions"]).All(e => Matches(e, labels));
    }

    // Every string entry must match; other entries are ignored. Read in place: this runs for every workload and budget.
    private static bool MatchesLabels(JsonObject? matchLabels, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, wanted) in matchLabels ?? [])
        {
            if (Json.IsText(wanted) && !(labels.TryGetValue(key, out var value) && Json.TextEquals(wanted, value)))
            {
                return false;
            }
        }

        return true;
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
