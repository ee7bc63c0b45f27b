using System.Globalization;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.Governance;

/// <summary>Field checks shared by exception requests and attestations; each adds a message saying what to fix.</summary>
public static class RequestInputs
{
    /// <summary>A rule id of the catalog, normalised to its catalog spelling.</summary>
    public static string? RuleId(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["ruleId"] = ["Name the rule, e.g. 'AKS-SEC-11' (the rule catalog at /rules lists every id)."];
            return null;
        }

        if (RuleCatalog.Find(text.Trim()) is { } rule)
        {
            return rule.Definition.Id;
        }

        errors["ruleId"] = [$"'{text.Trim()}' is not a rule of the catalog; the rule catalog at /rules lists every id."];
        return null;
    }

    /// <summary>Required text of at most <paramref name="maxLength"/> characters, trimmed.</summary>
    public static string? Text(string? text, string field, int maxLength, string whatToWrite, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' is required: {whatToWrite}"];
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            errors[field] = [$"'{field}' is {trimmed.Length} characters long; shorten it to at most {maxLength}."];
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// An ISO 8601 date or date-time in the future and at most <paramref name="maxDays"/> days away; a date means its
    /// start, in UTC.
    /// </summary>
    public static DateTimeOffset? Expiry(string? text, DateTimeOffset now, int maxDays, Dictionary<string, string[]> errors)
    {
        var latest = now.AddDays(maxDays);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["expiresAt"] = [$"'expiresAt' is required: a date or time after now and no later than {latest:yyyy-MM-dd} ({maxDays} days), e.g. {now.AddDays(90):yyyy-MM-dd}."];
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            errors["expiresAt"] = [$"'expiresAt' ('{text}') is not an ISO 8601 date or time, e.g. {now.AddDays(90):yyyy-MM-dd} or {now.AddDays(90):yyyy-MM-dd}T00:00:00Z."];
            return null;
        }

        value = value.ToUniversalTime();
        if (value <= now)
        {
            errors["expiresAt"] = [$"'expiresAt' ({value:yyyy-MM-dd HH:mm} UTC) is not in the future; choose a later date."];
            return null;
        }

        if (value > latest)
        {
            errors["expiresAt"] = [$"'expiresAt' ({value:yyyy-MM-dd}) is more than {maxDays} days away; the latest allowed is {latest:yyyy-MM-dd}."];
            return null;
        }

        return value;
    }

    /// <summary>A portal cluster id (GUID) or the ARM resource id of a cluster.</summary>
    public static ClusterReference? Cluster(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors["clusterId"] = ["Name the cluster: its portal id (the GUID in /clusters/{id}) or its ARM resource id."];
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return new ClusterReference(id, null);
        }

        if (ResourceId.TryParse(text.Trim()) is not null)
        {
            return new ClusterReference(null, text.Trim().ToLowerInvariant());
        }

        errors["clusterId"] = [$"'{text}' is neither a portal cluster id (GUID) nor the ARM resource id of a cluster."];
        return null;
    }
}

/// <summary>A cluster named by portal id or by ARM id (lower-cased).</summary>
public sealed record ClusterReference(Guid? Id, string? ArmIdKey);
