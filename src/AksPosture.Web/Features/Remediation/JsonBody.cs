using System.Text.Json;
using System.Text.Json.Nodes;

namespace AksPosture.Web.Features.Remediation;

/// <summary>Reads a request body as a JSON object by hand, so that an absent field and a null one mean different things.</summary>
internal static class JsonBody
{
    public static async Task<(JsonObject? Body, string? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return node is JsonObject body ? (body, null) : (null, "The body must be a JSON object, e.g. {\"owner\": \"jane@contoso.com\"}.");
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON ({e.Message}); send a JSON object with Content-Type: application/json.");
        }
    }

    /// <summary>Fields of <paramref name="body"/> outside <paramref name="known"/>, as problems naming what is allowed.</summary>
    public static IEnumerable<string> UnknownFields(JsonObject body, IReadOnlyCollection<string> known) =>
        body.Select(p => p.Key).Where(k => !known.Contains(k)).Select(k => $"'{k}' is not a field here; use {string.Join(", ", known)}");
}
