using System.Text.Encodings.Web;
using System.Text.Json;

namespace AksPosture.Cli.Assess;

internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Evidence holds raw JSON snippets; keep quotes and '<' readable instead of \u0022 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
