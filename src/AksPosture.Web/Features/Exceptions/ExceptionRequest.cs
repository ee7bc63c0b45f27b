using AksPosture.Web.Features.Governance;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Exceptions;

/// <summary>
/// Body of <c>POST /api/v1/exceptions</c>. <c>scope</c> is <c>rule</c> (every cluster), <c>tag</c> (with <c>tag</c> as
/// key=value), <c>cluster</c>, <c>namespace</c> (with <c>namespace</c>) or <c>object</c> (with <c>objectKey</c>); the last
/// three need <c>clusterId</c> (portal id or ARM id). <c>expiresAt</c> is an ISO 8601 date or time.
/// </summary>
public sealed record ExceptionRequest(
    string? RuleId,
    string? Scope,
    string? Category,
    string? Justification,
    string? ExpiresAt,
    string? ClusterId = null,
    string? Namespace = null,
    string? ObjectKey = null,
    string? Tag = null);

/// <summary>A request whose fields are all valid; the cluster is still to be found among the requester's.</summary>
internal sealed record ValidExceptionRequest(
    string RuleId, ExceptionScope Scope, ExceptionCategory Category, string Justification, DateTimeOffset ExpiresAt,
    ClusterReference? Cluster, string? Namespace, string? ObjectKey, string? TagKey, string? TagValue);

internal static class ExceptionRequestValidator
{
    public const int JustificationMaxLength = 4000;

    /// <summary>Field → messages in <paramref name="errors"/>; the parsed request when there are none.</summary>
    public static ValidExceptionRequest? Validate(ExceptionRequest request, DateTimeOffset now, int maxDays, Dictionary<string, string[]> errors)
    {
        var ruleId = RequestInputs.RuleId(request.RuleId, errors);
        var scope = EnumKeys.Parse<ExceptionScope>(request.Scope);
        if (scope is null)
        {
            errors["scope"] = [$"'scope' must be one of {EnumKeys.List<ExceptionScope>()}: rule means every cluster, tag the clusters carrying 'tag'."];
        }

        var category = EnumKeys.Parse<ExceptionCategory>(request.Category);
        if (category is null)
        {
            errors["category"] = [$"'category' must be one of {EnumKeys.List<ExceptionCategory>()}."];
        }

        var justification = RequestInputs.Text(request.Justification, "justification", JustificationMaxLength,
            "say why the finding may stay, e.g. the compensating control or who accepted the risk and why.", errors);
        var expiresAt = RequestInputs.Expiry(request.ExpiresAt, now, maxDays, errors);

        var needsCluster = scope is ExceptionScope.Cluster or ExceptionScope.Namespace or ExceptionScope.Object;
        var cluster = needsCluster ? RequestInputs.Cluster(request.ClusterId, errors) : null;
        var ns = scope == ExceptionScope.Namespace
            ? RequestInputs.Text(request.Namespace, "namespace", 253, "the Kubernetes namespace whose objects the exception covers.", errors)
            : null;
        var objectKey = scope == ExceptionScope.Object
            ? RequestInputs.Text(request.ObjectKey, "objectKey", 512, "the object as the result names it, e.g. 'payments/Deployment/api'.", errors)
            : null;
        string? tagKey = null, tagValue = null;
        if (scope == ExceptionScope.Tag && !ClusterFilter.TryParseTag(request.Tag, out tagKey, out tagValue))
        {
            errors["tag"] = [$"'tag' ('{request.Tag}') must be key=value, e.g. team=payments."];
        }

        return errors.Count > 0
            ? null
            : new ValidExceptionRequest(ruleId!, scope!.Value, category!.Value, justification!, expiresAt!.Value, cluster, ns, objectKey, tagKey, tagValue);
    }
}
