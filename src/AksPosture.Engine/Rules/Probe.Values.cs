using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules;

/// <summary>
/// Strict reads of single values: absent reads as null, a value of the wrong kind is an
/// <see cref="UnreadableValueException"/> naming its path. The <c>Try</c> forms report the wrong kind instead of
/// throwing, so callers that compose a path from several parts (object, container, field) spell it out only then.
/// </summary>
public sealed partial class Probe
{
    internal const string ExpectedText = "expected a text value";
    internal const string ExpectedBool = "expected true or false";
    internal const string ExpectedInt = "expected a whole number";
    internal const string ExpectedArray = "expected an array";

    internal static string? AsText(string path, JsonNode? node) =>
        TryText(node, out var text) ? text : throw new UnreadableValueException(path, ExpectedText);

    internal static bool? AsBool(string path, JsonNode? node) =>
        TryBool(node, out var value) ? value : throw new UnreadableValueException(path, ExpectedBool);

    internal static int? AsInt(string path, JsonNode? node) =>
        TryInt(node, out var value) ? value : throw new UnreadableValueException(path, ExpectedInt);

    internal static IReadOnlyList<string> AsTextList(string path, JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => AsText(path, item) ?? "").ToList(),
        _ => throw new UnreadableValueException(path, ExpectedArray),
    };

    /// <summary>Text, or a number or boolean as written; false for an object or array.</summary>
    internal static bool TryText(JsonNode? node, out string? text)
    {
        text = null;
        switch (node)
        {
            case null:
                return true;
            case JsonValue v when v.TryGetString(out var s):
                text = s;
                return true;
            case JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                text = v.ToJsonString();
                return true;
            default:
                return false;
        }
    }

    /// <summary>A boolean; ARM add-on settings spell booleans as strings, so "true"/"false" count too.</summary>
    internal static bool TryBool(JsonNode? node, out bool? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True:
                    value = true;
                    return true;
                case JsonValueKind.False:
                    value = false;
                    return true;
                case JsonValueKind.String when v.TryGetString(out var text) && bool.TryParse(text, out var parsed):
                    value = parsed;
                    return true;
            }
        }

        return false;
    }

    /// <summary>A whole number, written as a number or as a string.</summary>
    internal static bool TryInt(JsonNode? node, out int? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }

        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number))
            {
                value = number;
                return true;
            }

            if (v.TryGetString(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed;
                return true;
            }
        }

        return false;
    }
}
