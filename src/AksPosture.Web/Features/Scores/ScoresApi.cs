using System.Security.Claims;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Scores;

public static class ScoresApi
{
    public static IEndpointRouteBuilder MapScoresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/scores").WithTags("Scores").RequireAuthorization(PortalPolicies.Read);
        group.MapGet("/", GetScoresAsync)
            .WithName("GetScores")
            .WithSummary("Current pillar scores (0–100, null when nothing was assessable) for the fleet, a subscription or a cluster.");
        group.MapGet("/trend", TrendApi.GetTrendAsync)
            .WithName("GetScoreTrend")
            .WithSummary("Pillar and overall scores per day or week: the scope's posture at the end of each bucket that had a run.");
        return app;
    }

    private static async Task<Results<Ok<ScoresResponse>, ProblemHttpResult>> GetScoresAsync(
        string? scope, ScoreQueries queries, AdjustedScoreQueries adjusted, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!ScoreScope.TryParse(scope, out var parsed))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Unknown scope",
                detail: $"'{scope}' is not a scope: use 'fleet', 'subscription:<subscription GUID>' or 'cluster:<ARM resource id of the cluster>'.");
        }

        if (await queries.GetAsync(PortalUser.FromPrincipal(user), parsed, cancellationToken) is not { } current)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"No {parsed.Kind.ToString().ToLowerInvariant()} '{parsed.Id}' has been assessed; check the id, or import the cluster first.");
        }

        var adjustedScores = await adjusted.ForScopeAsync(PortalUser.FromPrincipal(user), parsed, current.Scores, current.Clusters, cancellationToken);
        return TypedResults.Ok(ScoresResponse.From(parsed, current.Scores, current.Clusters) with { Adjusted = AdjustedScoresView.From(adjustedScores) });
    }
}

public sealed record ScoresResponse(
    string Scope,
    double? Reliability,
    double? Security,
    double? CostOptimization,
    double? OperationalExcellence,
    double? PerformanceEfficiency,
    double? Overall,
    int Clusters,
    AdjustedScoresView? Adjusted = null)
{
    public static ScoresResponse From(ScoreScope scope, PillarScores scores, int clusters) => new(
        scope.ToString(),
        scores[Pillar.Reliability],
        scores[Pillar.Security],
        scores[Pillar.CostOptimization],
        scores[Pillar.OperationalExcellence],
        scores[Pillar.PerformanceEfficiency],
        scores.Overall,
        clusters);
}
