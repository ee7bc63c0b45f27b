using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>
/// Reads raw ARM / Resource Graph objects of a data set strictly: values of the wrong kind raise
/// <see cref="UnreadableValueException"/> (ERROR), as cluster properties do (<see cref="Json"/> is the tolerant reader).
/// Ids and types compare case-insensitively because Resource Graph lower-cases them.
/// </summary>
internal static class AzureJson
{
    /// <summary>The items of a data set, also accepting a Resource Graph response (rows in <c>data</c>).</summary>
    public static IReadOnlyList<JsonObject> Items(JsonNode? data) =>
        data is JsonObject response && response["data"] is JsonArray rows ? rows.OfType<JsonObject>().ToList() : AzureDataProbe.Items(data);

    public static string? Text(JsonObject item, string path) => Probe.AsText(path, Probe.Navigate(item, path));

    public static bool? Bool(JsonObject item, string path) => Probe.AsBool(path, Probe.Navigate(item, path));

    /// <summary>A number, or a number written as a string (Compute SKU capabilities are strings).</summary>
    public static double? Number(JsonObject item, string path)
    {
        switch (Probe.Navigate(item, path))
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return v.GetValue<double>();
            case JsonValue v when v.TryGetString(out var text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                throw new UnreadableValueException(path, "expected a number");
        }
    }

    /// <summary>The objects of an array; an absent array reads as empty.</summary>
    public static IReadOnlyList<JsonObject> Objects(JsonObject item, string path) => Probe.Navigate(item, path) switch
    {
        null => [],
        JsonArray array => array.OfType<JsonObject>().ToList(),
        _ => throw new UnreadableValueException(path, "expected an array"),
    };

    public static IReadOnlyList<string> TextList(JsonObject item, string path) => Probe.AsTextList(path, Probe.Navigate(item, path));

    public static string Name(JsonObject item) => Text(item, "name") ?? Text(item, "id") ?? "?";

    public static bool IsType(JsonObject item, string type) => string.Equals(Text(item, "type"), type, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when both ids name the same resource (ARM ids may come with or without the leading slash).</summary>
    public static bool SameId(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Trim(a), Trim(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="id"/> is <paramref name="scope"/> or a resource below it.</summary>
    public static bool IsWithin(string? id, string? scope)
    {
        if (id is null || scope is null)
        {
            return false;
        }

        var (child, parent) = (Trim(id), Trim(scope));
        return child.Equals(parent, StringComparison.OrdinalIgnoreCase)
            || (parent.Length > 0 && child.StartsWith(parent + "/", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The part of <paramref name="id"/> before <c>/{segment}/</c>, e.g. the vault of a backup instance.</summary>
    public static string? Parent(string? id, string segment)
    {
        var at = id?.IndexOf($"/{segment}/", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at > 0 ? id![..at] : null;
    }

    public static DateTimeOffset? Time(JsonObject item, string path) =>
        Text(item, path) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    private static string Trim(string id) => id.Trim().Trim('/');
}
