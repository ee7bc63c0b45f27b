using System.Globalization;
using System.Text;

namespace AksPosture.Web.Features.Audit;

/// <summary>The audit log as CSV (RFC 4180), one entry per line, with the values before and after as JSON text.</summary>
public static class AuditCsv
{
    public const string Header = "at,actorId,actorName,action,entityType,entityId,before,after";

    public static async Task WriteAsync(IAsyncEnumerable<AuditEntry> entries, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteLineAsync(Header);
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            string?[] fields = [e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Before, e.After];
            await writer.WriteLineAsync(string.Join(',', fields.Select(Field)));
        }
    }

    /// <summary>
    /// Quotes a field when it needs it. A field a spreadsheet would read as a formula (a name someone chose, such as
    /// "=HYPERLINK(…)") gets a leading apostrophe, so opening the export runs nothing.
    /// </summary>
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
