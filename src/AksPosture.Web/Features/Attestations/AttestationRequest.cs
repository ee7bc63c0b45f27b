using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Governance;

namespace AksPosture.Web.Features.Attestations;

/// <summary>
/// Body of <c>POST /api/v1/attestations</c>: the MANUAL result (cluster and rule) attested, <c>pass</c> or <c>fail</c>,
/// the evidence (a link or text), who owns the item and until when the attestation holds (ISO 8601 date or time).
/// </summary>
public sealed record AttestationRequest(string? ClusterId, string? RuleId, string? Result, string? Evidence, string? Owner, string? ExpiresAt);

internal sealed record ValidAttestationRequest(ClusterReference Cluster, string RuleId, RuleStatus Result, string Evidence, string Owner, DateTimeOffset ExpiresAt);

internal static class AttestationRequestValidator
{
    public static ValidAttestationRequest? Validate(AttestationRequest request, DateTimeOffset now, int maxDays, Dictionary<string, string[]> errors)
    {
        var cluster = RequestInputs.Cluster(request.ClusterId, errors);
        var ruleId = RequestInputs.RuleId(request.RuleId, errors);
        RuleStatus? result = request.Result?.Trim().ToLowerInvariant() switch
        {
            "pass" => RuleStatus.Pass,
            "fail" => RuleStatus.Fail,
            _ => null,
        };
        if (result is null)
        {
            errors["result"] = [$"'result' must be pass or fail (was '{request.Result}'): what the person checking found."];
        }

        var evidence = RequestInputs.Text(request.Evidence, "evidence", 4000,
            "a link to the evidence (a drill report, a ticket, a runbook) or a description of what was checked and found.", errors);
        var owner = RequestInputs.Text(request.Owner, "owner", 256, "the person or team who answers for this item.", errors);
        var expiresAt = RequestInputs.Expiry(request.ExpiresAt, now, maxDays, errors);
        return errors.Count > 0 ? null : new ValidAttestationRequest(cluster!, ruleId!, result!.Value, evidence!, owner!, expiresAt!.Value);
    }
}
