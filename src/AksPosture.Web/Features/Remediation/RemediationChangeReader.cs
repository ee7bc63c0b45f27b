using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// Reads remediation fields from a JSON body. A field that is absent stays as it is; a field set to null is cleared
/// (not allowed for workflowStatus). Every problem names the field and what it accepts.
/// </summary>
public static class RemediationChangeReader
{
    public static IReadOnlyList<string> Fields { get; } = ["owner", "dueAt", "workflowStatus", "ticketUrl"];

    public static RemediationChange Read(JsonObject body, List<string> problems) => new(
        Has(body, "owner") ? new NewValue<string?>(ReadOwner(body["owner"], problems)) : null,
        Has(body, "dueAt") ? new NewValue<DateOnly?>(ReadDueAt(body["dueAt"], problems)) : null,
        Has(body, "workflowStatus") ? ReadWorkflowStatus(body["workflowStatus"], problems) : null,
        Has(body, "ticketUrl") ? new NewValue<string?>(ReadTicketUrl(body["ticketUrl"], problems)) : null);

    private static bool Has(JsonObject body, string field) => body.ContainsKey(field);

    private static string? ReadOwner(JsonNode? node, List<string> problems)
    {
        var owner = Text(node, "owner", problems);
        if (owner is { Length: > FindingRemediation.OwnerMaxLength })
        {
            problems.Add($"owner is {owner.Length} characters long; use at most {FindingRemediation.OwnerMaxLength}");
        }

        return owner;
    }

    private static DateOnly? ReadDueAt(JsonNode? node, List<string> problems)
    {
        var text = Text(node, "dueAt", problems);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"dueAt '{text}' is not a date; write it as YYYY-MM-DD (e.g. 2026-12-31), or null to clear it");
        return null;
    }

    private static NewValue<WorkflowStatus>? ReadWorkflowStatus(JsonNode? node, List<string> problems)
    {
        var known = problems.Count;
        var text = Text(node, "workflowStatus", problems);
        if (WorkflowStatusNames.FromKey(text) is { } status)
        {
            return new NewValue<WorkflowStatus>(status);
        }

        if (problems.Count == known)
        {
            problems.Add($"workflowStatus '{text ?? "null"}' is not one of {WorkflowStatusNames.AllowedKeys}");
        }

        return null;
    }

    private static string? ReadTicketUrl(JsonNode? node, List<string> problems)
    {
        var text = Text(node, "ticketUrl", problems);
        if (text is null)
        {
            return null;
        }

        if (TicketUrlProblem(text) is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        return text;
    }

    /// <summary>Why <paramref name="text"/> is not a ticket link, or null when it is one (an absolute http or https address).</summary>
    public static string? TicketUrlProblem(string text) =>
        text.Length > FindingRemediation.TicketUrlMaxLength
        || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)
            ? $"ticketUrl '{Shorten(text)}' is not an http or https address of at most {FindingRemediation.TicketUrlMaxLength} characters (e.g. https://dev.azure.com/org/project/_workitems/edit/123)"
            : null;

    // Blank text clears the field, like null.
    private static string? Text(JsonNode? node, string field, List<string> problems)
    {
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{field} must be a string or null, not {node.GetValueKind().ToString().ToLowerInvariant()}");
            return null;
        }

        var text = node.GetValue<string>().Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
