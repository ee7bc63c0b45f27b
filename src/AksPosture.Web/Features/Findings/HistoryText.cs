using System.Text.Json;

namespace AksPosture.Web.Features.Findings;

/// <summary>Puts an audit entry's changed values in words: <c>owner: kim → lee</c>.</summary>
public static class HistoryText
{
    public static IReadOnlyList<string> Describe(FindingHistoryEntry entry)
    {
        var before = Read(entry.Before);
        var after = Read(entry.After);
        return after.Keys.Union(before.Keys)
            .Select(field => entry.Before is null ? $"{field}: {Show(after.GetValueOrDefault(field))}"
                : $"{field}: {Show(before.GetValueOrDefault(field))} → {Show(after.GetValueOrDefault(field))}")
            .ToList();
    }

    private static Dictionary<string, JsonElement> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "—",
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
