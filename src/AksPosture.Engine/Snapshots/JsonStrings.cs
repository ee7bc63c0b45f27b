using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
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

    /// <summary>
    /// Copies a string value into <paramref name="buffer"/> without making a string of it. False when the node is
    /// not a parsed string, is written with escapes, or does not fit: the caller then reads it the ordinary way.
    /// </summary>
    public static bool TryCopyString(JsonNode? node, Span<char> buffer, out int length)
    {
        length = 0;
        if (node is not JsonValue value || !value.TryGetValue<JsonElement>(out var element) || element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        // The raw value is the token as written, quotes included.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var content = raw[1..^1];
        return !content.Contains((byte)'\\') && Encoding.UTF8.TryGetChars(content, buffer, out length);
    }

    /// <summary>Whether the node is a string that starts with one of <paramref name="prefixes"/>, read in place when it can be.</summary>
    public static bool StartsWithAny(JsonNode? node, IReadOnlyList<string> prefixes, StringComparison comparison)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[256];
        var text = TryCopyString(node, buffer, out var length) ? buffer[..length] : ClusterSnapshot.TextOf(node).AsSpan();
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, comparison))
            {
                return true;
            }
        }

        return false;
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
