using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Scores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Audit;

public static class AuditApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(PortalPolicies.Administer);
        group.MapGet("/", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Who changed what and when, with the values before and after; newest first, a page at a time.");
        group.MapGet("/export", ExportAsync)
            .WithName("ExportAuditEntries")
            .WithSummary("Every matching entry as a CSV or JSON download (format=csv|json).");
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAsync(
        AuditQueries queries, CancellationToken cancellationToken,
        string? entityType = null, string? entityId = null, string? actor = null, string? from = null, string? to = null,
        [Range(1, int.MaxValue)] int page = 1, [Range(1, 500)] int pageSize = 50)
    {
        var problems = new List<string>();
        if (Filter(entityType, entityId, actor, from, to, problems) is not { } filter)
        {
            return Invalid(problems);
        }

        return TypedResults.Ok(await queries.ListAsync(filter, page, pageSize, cancellationToken));
    }

    private static Results<PushStreamHttpResult, ProblemHttpResult> ExportAsync(
        AuditQueries queries, TimeProvider time, HttpContext context,
        string? format = null, string? entityType = null, string? entityId = null, string? actor = null, string? from = null, string? to = null)
    {
        var problems = new List<string>();
        if (Filter(entityType, entityId, actor, from, to, problems) is not { } filter)
        {
            return Invalid(problems);
        }

        var aborted = context.RequestAborted;
        var name = $"aksposture-audit-{time.GetUtcNow():yyyyMMdd-HHmmss}";
        return format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => TypedResults.Stream(
                stream => AuditCsv.WriteAsync(queries.StreamAsync(filter, aborted), stream, aborted),
                "text/csv; charset=utf-8", name + ".csv"),
            "json" => TypedResults.Stream(
                stream => JsonSerializer.SerializeAsync(stream, Views(queries.StreamAsync(filter, aborted)), Json, aborted),
                "application/json", name + ".json"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: $"format '{format}' is not 'csv' or 'json'."),
        };
    }

    private static async IAsyncEnumerable<AuditEntryView> Views(IAsyncEnumerable<AuditEntry> entries)
    {
        await foreach (var entry in entries)
        {
            yield return AuditEntryView.From(entry);
        }
    }

    private static AuditFilter? Filter(string? entityType, string? entityId, string? actor, string? from, string? to, List<string> problems)
    {
        var filter = new AuditFilter(
            NullIfBlank(entityType), NullIfBlank(entityId), NullIfBlank(actor), TrendApi.ParseTime(from, "from", problems), TrendApi.ParseTime(to, "to", problems));
        return problems.Count == 0 ? filter : null;
    }

    private static ProblemHttpResult Invalid(List<string> problems) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown filter value", detail: string.Join("; ", problems) + ".");

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
