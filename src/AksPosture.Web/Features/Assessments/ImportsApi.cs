using System.Security.Claims;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AksPosture.Web.Features.Assessments;

public static class ImportsApi
{
    /// <summary>A fleet export of a few thousand clusters fits; anything larger is better sent in parts.</summary>
    public const long MaxBodyBytes = 50L * 1024 * 1024;

    internal const string BodySource = "body";

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(PortalPolicies.Contribute);
        group.MapPost("/", ImportAsync)
            .Accepts<object>("application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("ImportClusters")
            .WithSummary("Assess clusters from an ARM GET / ARM list / az aks list / Resource Graph JSON document (Contributor: clusters of your teams).");
        return app;
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, AssessmentService assessments, TeamAccess access, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON",
                detail: "Send the cluster document with 'Content-Type: application/json'.");
        }

        string body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(
                statusCode: ex.StatusCode,
                title: "The body is too large",
                detail: $"An import may be at most {MaxBodyBytes / (1024 * 1024)} MB; split the fleet into several imports.");
        }

        var read = SnapshotReader.Read(body, BodySource);
        if (read.Snapshots.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Nothing to import",
                detail: "The body is not a managed cluster document AksPosture can read (ARM GET or list, az aks show/list, " +
                        $"Resource Graph rows): {string.Join("; ", read.Errors.Select(e => e.Message))}");
        }

        var outside = await access.OutsideTeamsAsync(PortalUser.FromPrincipal(user), read.Snapshots, cancellationToken);
        if (outside.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Clusters outside your teams",
                detail: "A Contributor may import only clusters in their teams' subscriptions or with their teams' tag; these are not: " +
                        $"{string.Join(", ", outside.Select(s => s.Id))}. Leave them out, or ask an administrator to import them.");
        }

        var outcome = await assessments.AssessAsync(read.Snapshots, new Dictionary<string, string>(), "import", isSample: false, cancellationToken);
        return TypedResults.Ok(ImportResponse.From(outcome, read.Errors));
    }
}

public sealed record ImportResponse(
    Guid RunId, string Status, string RuleSetVersion, string ScoringVersion, IReadOnlyList<ImportedCluster> Clusters, IReadOnlyList<ImportError> Errors)
{
    public static ImportResponse From(AssessmentOutcome outcome, IEnumerable<SnapshotError> readErrors) => new(
        outcome.Run.Id,
        outcome.Run.Status.ToString().ToLowerInvariant(),
        outcome.Run.RuleSetVersion,
        outcome.Run.ScoringVersion,
        outcome.Clusters.Where(c => c.Scores is not null)
            .Select(c => new ImportedCluster(c.ArmId, c.Name, c.SubscriptionId, c.Scores!.Overall, PillarValues(c.Scores)))
            .ToList(),
        readErrors.Select(e => new ImportError(e.File, e.Message))
            .Concat(outcome.Clusters.Where(c => c.Error is not null).Select(c => new ImportError(ImportsApi.BodySource, $"{c.ArmId}: {c.Error}")))
            .ToList());

    private static Dictionary<string, double?> PillarValues(PillarScores scores) =>
        PillarNames.All.ToDictionary(p => p.Key(), p => scores[p]);
}

public sealed record ImportedCluster(string Id, string Name, string SubscriptionId, double? Overall, IReadOnlyDictionary<string, double?> Pillars);

public sealed record ImportError(string File, string Message);
