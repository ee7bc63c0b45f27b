using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// Writes findings as CSV or JSON while they are read, so an export of a whole fleet never sits in memory. Both carry
/// the fields of <see cref="FindingView"/>, in its order and under its JSON names.
/// </summary>
public static class FindingExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly (string Name, Func<FindingView, string?> Value)[] Columns =
    [
        ("clusterId", f => f.ClusterId.ToString()),
        ("clusterName", f => f.ClusterName),
        ("clusterArmId", f => f.ClusterArmId),
        ("subscriptionId", f => f.SubscriptionId),
        ("ruleId", f => f.RuleId),
        ("objectKey", f => f.ObjectKey),
        ("pillar", f => f.Pillar),
        ("severity", f => f.Severity),
        ("result", f => f.Result),
        ("status", f => f.Status),
        ("firstSeenAt", f => Time(f.FirstSeenAt)),
        ("lastSeenAt", f => Time(f.LastSeenAt)),
        ("resolvedAt", f => Time(f.ResolvedAt)),
        ("reopenedAt", f => Time(f.ReopenedAt)),
        ("timesReopened", f => f.TimesReopened.ToString(CultureInfo.InvariantCulture)),
        ("clusterGone", f => Bool(f.ClusterGone)),
        ("key", f => f.Key),
        ("ruleTitle", f => f.RuleTitle),
        ("environment", f => f.Environment),
        ("owner", f => f.Owner),
        ("dueAt", f => f.DueAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("workflowStatus", f => f.WorkflowStatus),
        ("ticketUrl", f => f.TicketUrl),
        ("commentCount", f => f.CommentCount.ToString(CultureInfo.InvariantCulture)),
        ("overdue", f => Bool(f.Overdue)),
    ];

    public static string Header { get; } = string.Join(',', Columns.Select(c => c.Name));

    public static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<FindingView> findings, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        await writer.WriteAsync(Header + "\r\n");
        await foreach (var finding in findings.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CsvLine(finding));
        }
    }

    public static Task WriteJsonAsync(Stream stream, IAsyncEnumerable<FindingView> findings, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, findings, Json, cancellationToken);

    public static string CsvLine(FindingView finding)
    {
        var line = new StringBuilder(256);
        foreach (var (_, value) in Columns)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(value(finding)));
        }

        return line.Append("\r\n").ToString();
    }

    // RFC 4180 quoting; text a person typed (an owner) that starts like a formula is prefixed with ' so spreadsheets show it, not run it.
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Bool(bool value) => value ? "true" : "false";
}
