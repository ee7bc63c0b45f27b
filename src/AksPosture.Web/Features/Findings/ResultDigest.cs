using System.Security.Cryptography;
using System.Text;
using AksPosture.Engine.Rules;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// A SHA-256 over what the finding lifecycle reads from a cluster's results: each result's rule, object, status,
/// pillar and severity, in a fixed order. Two runs with the same digest for a cluster make the same findings of it.
/// </summary>
public static class ResultDigest
{
    public static byte[] Of(IEnumerable<RuleResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results.OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.ObjectKey, StringComparer.Ordinal))
        {
            // Unit and record separators cannot occur in rule ids or object keys, so no two lists read alike.
            text.Append(result.RuleId).Append('\u001f').Append(result.ObjectKey).Append('\u001f').Append(result.Status.Code())
                .Append('\u001f').Append(result.Pillar.Key()).Append('\u001f').Append((int)result.Severity).Append('\u001e');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }
}
