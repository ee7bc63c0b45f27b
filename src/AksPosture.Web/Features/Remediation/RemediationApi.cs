using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Remediation;

public sealed record CommentRequest(string? Text);

/// <summary>Changing findings' owner, due date, workflow status and ticket, one at a time or in bulk, and their comments.</summary>
public static class RemediationApi
{
    public static IEndpointRouteBuilder MapRemediationApi(this IEndpointRouteBuilder app)
    {
        var findings = app.MapGroup("/api/v1/findings").WithTags("Remediation");
        findings.MapPatch("/{key}", UpdateAsync)
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("UpdateFindingRemediation")
            .WithSummary("Sets a finding's owner, dueAt, workflowStatus or ticketUrl; absent fields stay, null clears.");
        findings.MapPost("/bulk", BulkRemediationApi.ApplyAsync)
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("BulkUpdateFindings")
            .WithSummary("Assigns, sets the due date, workflow status or ticket of findings given by key or by filter.");
        findings.MapGet("/{key}/comments", ListCommentsAsync)
            .RequireAuthorization(PortalPolicies.Read)
            .WithName("ListFindingComments")
            .WithSummary("A finding's comments, oldest first.");
        findings.MapPost("/{key}/comments", AddCommentAsync)
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("AddFindingComment")
            .WithSummary("Adds a comment to a finding.");
        RemediationReportsApi.Map(app);
        return app;
    }

    private static async Task<Results<Ok<FindingView>, ProblemHttpResult>> UpdateAsync(
        string key, HttpRequest request, ClaimsPrincipal principal, RemediationService service, FindingQueries queries, CancellationToken cancellationToken)
    {
        if (!FindingKey.TryParse(key, out var findingKey))
        {
            return FindingsApi.BadKey(key);
        }

        var (body, problem) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body is null)
        {
            return BadRequest("Unreadable change", problem!);
        }

        var problems = JsonBody.UnknownFields(body, RemediationChangeReader.Fields).ToList();
        var change = RemediationChangeReader.Read(body, problems);
        if (problems.Count == 0 && change.IsEmpty)
        {
            problems.Add($"nothing to change: set at least one of {string.Join(", ", RemediationChangeReader.Fields)}");
        }

        if (problems.Count > 0)
        {
            return BadRequest("Invalid change", string.Join("; ", problems) + ".");
        }

        var user = PortalUser.FromPrincipal(principal);
        var (result, outcome, _) = await service.ApplyAsync(user, [findingKey], change, cancellationToken);
        if (outcome == RemediationProblem.Conflict)
        {
            return Conflict();
        }

        return result!.NotFound.Count > 0 || await queries.FindAsync(user, findingKey, cancellationToken) is not { } view
            ? FindingsApi.NotFound(key)
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CommentPage>, ProblemHttpResult>> ListCommentsAsync(
        string key, ClaimsPrincipal principal, CommentService comments, CancellationToken cancellationToken,
        [Range(1, int.MaxValue)] int page = 1, [Range(1, CommentQueries.MaxPageSize)] int pageSize = 50)
    {
        if (!FindingKey.TryParse(key, out var findingKey))
        {
            return FindingsApi.BadKey(key);
        }

        return await comments.ListAsync(PortalUser.FromPrincipal(principal), findingKey, page, pageSize, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : FindingsApi.NotFound(key);
    }

    private static async Task<Results<Created<CommentView>, ProblemHttpResult>> AddCommentAsync(
        string key, CommentRequest request, ClaimsPrincipal principal, CommentService comments, CancellationToken cancellationToken)
    {
        if (!FindingKey.TryParse(key, out var findingKey))
        {
            return FindingsApi.BadKey(key);
        }

        var text = request.Text?.Trim() ?? "";
        if (text.Length is 0 or > FindingComment.TextMaxLength)
        {
            return BadRequest("Invalid comment", $"text must hold 1 to {FindingComment.TextMaxLength} characters (it has {text.Length}).");
        }

        return await comments.AddAsync(PortalUser.FromPrincipal(principal), findingKey, text, cancellationToken) is { } comment
            ? TypedResults.Created($"/api/v1/findings/{key}/comments", comment)
            : FindingsApi.NotFound(key);
    }

    internal static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    internal static ProblemHttpResult Conflict() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Changed at the same time",
        detail: "Someone changed the same findings at the same moment; send the change again.");
}
