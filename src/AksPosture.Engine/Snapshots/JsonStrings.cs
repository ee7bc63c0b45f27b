using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Snapshots;

/// <summary>
/// String reads of parsed JSON values. <see cref="JsonValue.TryGetValue{T}"/> with <c>string</c> boxes the
/// <see cref="JsonElement"/> behind a parsed value on every call; rules read strings hundreds of times per cluster,
/// so the element is read directly and only values built in code take the general path.
/// </summary>
internal static class JsonStrings
{
    public static bool TryGetString(this JsonValue value, [NotNullWhen(true)] out string? text)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            return text is not null;
        }

        return value.TryGetValue(out text);
    }

    /// <summary>Whether the node is the string <paramref name="expected"/> (ordinal), without reading it into a new string.</summary>
    public static bool IsString(JsonNode? node, string expected)
    {
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind == JsonValueKind.String && element.ValueEquals(expected);
        }

        return value.TryGetValue<string>(out var text) && string.Equals(text, expected, StringComparison.Ordinal);
    }
}
