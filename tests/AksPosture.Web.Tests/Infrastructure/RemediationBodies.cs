using System.Text;
using AksPosture.Web.Features.Access;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>A finding as the explorer's API returns it, read as a client reads it.</summary>
public sealed record ExplorerFindingBody(
    Guid ClusterId, string ClusterName, string SubscriptionId, string RuleId, string ObjectKey, string Pillar, string Severity, string Result,
    string Status, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? ResolvedAt, bool ClusterGone, string Key,
    string? RuleTitle, string? Environment, string? Owner, DateOnly? DueAt, string WorkflowStatus, string? TicketUrl, int CommentCount, bool Overdue);

public sealed record RuleHelpBody(string Id, string Title, string Remediation, string? RemediationCommand, string? RemediationProperty);

public sealed record EvidenceBody(string Path, string? Value);

public sealed record LatestResultBody(Guid RunId, string Result, string Message, List<EvidenceBody> Evidence);

public sealed record ResultInRunBody(Guid RunId, string? Result);

public sealed record HistoryBody(DateTimeOffset At, string ActorName, string Action, string? Before, string? After);

public sealed record CommentBody(long Id, string AuthorName, DateTimeOffset At, string Text);

public sealed record FindingDetailBody(
    ExplorerFindingBody Finding, RuleHelpBody? Rule, LatestResultBody? Latest, List<ResultInRunBody> Recent, List<HistoryBody> History, List<CommentBody> Comments);

public sealed record BulkResultBody(int Matched, int Changed, List<string> NotFound);

public sealed record BurnDownSeriesBody(string Name, List<int> Active);

public sealed record BurnDownBody(DateOnly From, DateOnly To, string GroupBy, List<DateOnly> Days, List<BurnDownSeriesBody> Series);

public sealed record MttrRowBody(string? Pillar, string? Severity, int Resolved, double MeanDays);

public sealed record SummaryBody(int Active, int Unassigned, int Overdue, int ToDo, int InProgress, int PendingVerification, int WontFix);

public static class RemediationClient
{
    /// <summary>A client signed in as the sample user <paramref name="id"/> (alex, avery, casey or riley).</summary>
    public static HttpClient ClientAs(this PortalFixture portal, string id)
    {
        var client = portal.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{SampleUsers.CookieName}={id}");
        return client;
    }

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, string json) =>
        client.PatchAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Every finding the query selects, page by page.</summary>
    public static async Task<List<ExplorerFindingBody>> AllFindingsAsync(this HttpClient client, string query)
    {
        var all = new List<ExplorerFindingBody>();
        for (var page = 1; ; page++)
        {
            var body = await (await client.GetAsync($"/api/v1/findings?{query}&pageSize=500&page={page}")).ReadAsync<PageBody<ExplorerFindingBody>>();
            all.AddRange(body.Items);
            if (all.Count >= body.Total || body.Items.Count == 0)
            {
                return all;
            }
        }
    }

    /// <summary>Splits RFC 4180 CSV into rows of cells.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
