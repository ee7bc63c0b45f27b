using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AksPosture.AzureEmulator.Endpoints;

/// <summary>
/// <c>POST /providers/Microsoft.ResourceGraph/resources</c>: not a KQL engine. The table is the query's first word and
/// rows are kept when their type is one the query quotes (<c>'microsoft.…'</c>) and their subscription is in scope;
/// pages of <c>$top</c> rows (at most 1,000) continue with <c>$skipToken</c>. The per-user quota is enforced on a
/// sliding window, with <c>x-ms-user-quota-remaining</c> / <c>x-ms-user-quota-resets-after</c> on every answer.
/// </summary>
internal sealed partial class ResourceGraphEndpoint(AzureEmulatorServer emulator)
{
    private readonly Queue<TimeSpan> _arrivals = new();

    /// <summary>Counts a query as it arrives: the quota left after it, or null when it is over the quota.</summary>
    public Quota Admit()
    {
        var options = emulator.Options;
        lock (_arrivals)
        {
            var now = CallLog.Now;
            while (_arrivals.Count > 0 && now - _arrivals.Peek() >= options.ResourceGraphWindow)
            {
                _arrivals.Dequeue();
            }

            _arrivals.Enqueue(now);
            var resetsAfter = _arrivals.Peek() + options.ResourceGraphWindow - now;
            return new Quota(options.ResourceGraphQuota - _arrivals.Count, resetsAfter);
        }
    }

    public async Task<IResult> QueryAsync(HttpContext context, Quota quota)
    {
        var headers = context.Response.Headers;
        headers["x-ms-user-quota-remaining"] = Math.Max(0, quota.Remaining).ToString(CultureInfo.InvariantCulture);
        headers["x-ms-user-quota-resets-after"] = quota.ResetsAfter.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        if (quota.Remaining < 0)
        {
            headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(quota.ResetsAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Json(EmulatorHandler.Error("RateLimiting", "Please provide below info when asking for support: throttled by the user quota."), statusCode: 429);
        }

        var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject;
        var query = (string?)body?["query"] ?? "";
        var top = Math.Clamp((int?)body?["options"]?["$top"] ?? 1000, 1, 1000);
        var skip = (string?)body?["options"]?["$skipToken"] is { } token ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture) : 0;

        var rows = Select(query, body).ToList();
        var page = rows.Skip(skip).Take(top).Select(r => r.DeepClone()).ToArray();
        var response = new JsonObject
        {
            ["totalRecords"] = rows.Count,
            ["count"] = page.Length,
            ["resultTruncated"] = "false",
            ["data"] = new JsonArray(page),
            ["facets"] = new JsonArray(),
        };
        if (skip + page.Length < rows.Count)
        {
            response["$skipToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((skip + page.Length).ToString(CultureInfo.InvariantCulture)));
        }

        return Results.Json(response);
    }

    private IEnumerable<JsonObject> Select(string query, JsonObject? body)
    {
        var table = query.Split([' ', '|', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        var types = QuotedType().Matches(query).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var subscriptions = Scope(body);
        return emulator.Fleet.Tables.Rows(table).Where(r =>
            (types.Count == 0 || types.Contains((string?)r["type"] ?? ""))
            && (subscriptions is null || subscriptions.Contains((string?)r["subscriptionId"] ?? ""))
            && !emulator.Faults.IsHidden((string?)r["subscriptionId"] ?? ""));
    }

    /// <summary>The subscriptions a request covers, or null for all (no scope given).</summary>
    private HashSet<string>? Scope(JsonObject? body)
    {
        var subscriptions = (body?["subscriptions"] as JsonArray ?? []).Select(s => (string?)s ?? "").ToList();
        var groups = (body?["managementGroups"] as JsonArray ?? []).Select(g => (string?)g ?? "").ToList();
        if (subscriptions.Count == 0 && groups.Count == 0)
        {
            return null;
        }

        return subscriptions.Concat(groups.SelectMany(g => emulator.Fleet.ManagementGroups.GetValueOrDefault(g) ?? []).Select(s => s.Id))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"'(microsoft\.[a-z0-9./]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedType();

    internal sealed record Quota(int Remaining, TimeSpan ResetsAfter);
}
