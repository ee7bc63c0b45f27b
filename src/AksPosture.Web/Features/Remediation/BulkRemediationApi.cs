using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// <c>POST /api/v1/findings/bulk</c>: <c>{"keys": [...]}</c> or <c>{"filter": {...}}</c> (the list's query parameters as
/// fields), an <c>action</c> and the field that action sets.
/// </summary>
internal static class BulkRemediationApi
{
    private static readonly Dictionary<string, string> FieldOfAction = new(StringComparer.OrdinalIgnoreCase)
    {
        ["assign"] = "owner",
        ["setDueDate"] = "dueAt",
        ["setWorkflowStatus"] = "workflowStatus",
        ["setTicketUrl"] = "ticketUrl",
    };

    private static readonly string[] Known = ["keys", "filter", "action", .. RemediationChangeReader.Fields];

    public static async Task<Results<Ok<RemediationResult>, ProblemHttpResult>> ApplyAsync(
        HttpRequest request, ClaimsPrincipal principal, RemediationService service, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return RemediationApi.BadRequest("Unreadable bulk change", unreadable!);
        }

        var user = PortalUser.FromPrincipal(principal);
        var problems = JsonBody.UnknownFields(body, Known).ToList();
        var change = ReadChange(body, problems);
        var (hasKeys, hasFilter) = (body.ContainsKey("keys"), body.ContainsKey("filter"));
        if (hasKeys == hasFilter)
        {
            problems.Add(hasKeys ? "give keys or filter, not both"
                : "say which findings: give keys (a list of finding keys) or filter (the list's query parameters as an object)");
        }

        var keys = hasKeys ? ReadKeys(body["keys"], problems) : null;
        var filter = hasFilter ? ReadFilter(body["filter"], user, problems) : null;

        if (problems.Count > 0)
        {
            return RemediationApi.BadRequest("Invalid bulk change", string.Join("; ", problems) + ".");
        }

        var (result, outcome, selected) = keys is not null
            ? await service.ApplyAsync(user, keys, change!, cancellationToken)
            : await service.ApplyAsync(user, filter!, change!, cancellationToken);
        return outcome switch
        {
            RemediationProblem.TooMany => RemediationApi.BadRequest("Too many findings",
                $"This selects {selected:N0} findings; one bulk change takes at most {RemediationService.MaxFindingsPerChange:N0}. Narrow the filter (by team, pillar or severity, say) or send fewer keys."),
            RemediationProblem.Conflict => RemediationApi.Conflict(),
            _ => TypedResults.Ok(result!),
        };
    }

    private static RemediationChange? ReadChange(JsonObject body, List<string> problems)
    {
        var action = body["action"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (action is null || !FieldOfAction.TryGetValue(action, out var field))
        {
            problems.Add($"action '{action ?? "(none)"}' is not one of {string.Join(", ", FieldOfAction.Keys)}");
            return null;
        }

        if (!body.ContainsKey(field))
        {
            problems.Add($"action {action} needs {field}");
        }

        foreach (var other in RemediationChangeReader.Fields.Where(f => f != field && body.ContainsKey(f)))
        {
            problems.Add($"{other} is not used by action {action}, which sets {field}");
        }

        return RemediationChangeReader.Read(new JsonObject { [field] = body[field]?.DeepClone() }, problems);
    }

    private static List<FindingKey>? ReadKeys(JsonNode? node, List<string> problems)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            problems.Add("keys must be a non-empty list of finding keys");
            return null;
        }

        var keys = new List<FindingKey>();
        var bad = new List<string>();
        foreach (var item in array)
        {
            var text = item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : item?.ToJsonString() ?? "null";
            if (FindingKey.TryParse(text, out var key))
            {
                keys.Add(key);
            }
            else
            {
                bad.Add(text);
            }
        }

        if (bad.Count > 0)
        {
            problems.Add($"{bad.Count} key(s) are not finding keys ({FindingKey.Format}), e.g. '{bad[0]}'");
        }

        return keys.Distinct().ToList();
    }

    private static FindingFilter? ReadFilter(JsonNode? node, PortalUser user, List<string> problems)
    {
        if (node is not JsonObject filter)
        {
            problems.Add("filter must be an object of the list's query parameters, e.g. {\"status\": \"active\", \"pillar\": \"security\"}");
            return null;
        }

        var fields = filter.ToDictionary(p => p.Key, p => p.Value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            var other => other.ToJsonString(),
        }, StringComparer.OrdinalIgnoreCase);
        var (parsed, filterProblems) = FindingFilterParameters.From(fields.GetValueOrDefault).Parse(user);
        problems.AddRange(filterProblems.Select(p => "filter: " + p));
        problems.AddRange(fields.Keys.Where(k => !FindingFilterParameters.Names.Contains(k, StringComparer.OrdinalIgnoreCase))
            .Select(k => $"filter: '{k}' is not a filter; use {string.Join(", ", FindingFilterParameters.Names)}"));
        return parsed;
    }
}
