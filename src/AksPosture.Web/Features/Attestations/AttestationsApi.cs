using System.Security.Claims;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AksPosture.Web.Features.Attestations;

public static class AttestationsApi
{
    public static IEndpointRouteBuilder MapAttestationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/attestations").WithTags("Attestations");
        group.MapGet("/", ListAsync)
            .RequireAuthorization(PortalPolicies.Read)
            .WithName("ListAttestations")
            .WithSummary("Attestations of MANUAL results on the clusters of your teams, filtered and paged.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PortalPolicies.Read).WithName("GetAttestation");
        group.MapPost("/", async (AttestationRequest request, ClaimsPrincipal user, AttestationService service, CancellationToken ct) =>
                GovernanceHttp.Created(await service.RecordAsync(PortalUser.FromPrincipal(user), request, ct), a => $"/api/v1/attestations/{a.Id}"))
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("RecordAttestation")
            .WithSummary("Records pass or fail for a MANUAL result, with evidence, owner and expiry; it counts in the adjusted score until it expires.");
        group.MapPost("/{id:guid}/revoke", async (Guid id, CommentRequest? body, ClaimsPrincipal user, AttestationService service, CancellationToken ct) =>
                GovernanceHttp.Ok(await service.RevokeAsync(PortalUser.FromPrincipal(user), id, body?.Comment, ct)))
            .RequireAuthorization(PortalPolicies.Contribute)
            .WithName("RevokeAttestation")
            .WithSummary("Ends an active attestation: the person who recorded it or an Approver may.");
        return app;
    }

    private static async Task<Results<Ok<AttestationPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, AttestationQueries queries, [AsParameters] ListQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var listState = ListFilters.Enum<AttestationListState>(query.State, "state", problems);
        var clusters = ListFilters.Clusters(query, problems);
        if (problems.Count > 0)
        {
            return ListFilters.Invalid(problems);
        }

        var filter = new AttestationFilter(listState, clusters, query.ClusterId, query.NormalisedRuleId);
        return TypedResults.Ok(await queries.ListAsync(PortalUser.FromPrincipal(user), filter, query.Page, query.PageSize, cancellationToken));
    }

    private static async Task<Results<Ok<AttestationView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AttestationQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(PortalUser.FromPrincipal(user), id, cancellationToken) is { } attestation
            ? TypedResults.Ok(attestation)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no attestation {id} that you can see; list them at /api/v1/attestations.");
}
