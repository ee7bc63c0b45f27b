using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Collection;

/// <summary>An ARM answer: its status and JSON body (for errors, ARM's <c>{ "error": { "code", "message" } }</c>).</summary>
public sealed partial record ArmResult(int Status, JsonNode? Body)
{
    public bool IsSuccess => Status is >= 200 and <= 299;

    public string? ErrorCode => ClusterSnapshot.TextOf(Body?["error"]?["code"]);

    public string? ErrorMessage => ClusterSnapshot.TextOf(Body?["error"]?["message"]) ?? (Body is JsonValue text ? text.ToString() : null);

    /// <summary>
    /// The data set could not be collected. A 403 names the missing permission: the action ARM quotes in its
    /// AuthorizationFailed message, else the action the call needs.
    /// </summary>
    public CollectionProblem ToProblem(string dataSet, string requiredAction)
    {
        var detail = ErrorCode is null ? $"HTTP {Status}" : $"HTTP {Status} {ErrorCode}";
        if (Status == 403)
        {
            var action = ErrorMessage is { } message && QuotedAction().Match(message) is { Success: true } match ? match.Groups[1].Value : requiredAction;
            return new CollectionProblem(dataSet, $"access denied ({detail})", action);
        }

        return new CollectionProblem(dataSet, ErrorMessage is null ? $"the call failed ({detail})" : $"the call failed ({detail}): {ErrorMessage}");
    }

    [GeneratedRegex("perform action '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex QuotedAction();
}
