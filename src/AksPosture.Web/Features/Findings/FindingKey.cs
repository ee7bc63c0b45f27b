using System.Buffers.Text;
using System.Text;

namespace AksPosture.Web.Features.Findings;

/// <summary>
/// Names one finding in a URL path segment. Object keys hold slashes (<c>payments/Deployment/api</c>), so the key is
/// <c>{cluster id, 32 hex digits}.{rule id}</c> for a cluster-level finding and
/// <c>{cluster id}.{rule id}.{object key in base64url}</c> for an object-level one: no character needs escaping.
/// </summary>
public readonly record struct FindingKey(Guid ClusterId, string RuleId, string ObjectKey)
{
    public const string Format = "{cluster id (32 hex digits)}.{rule id}[.{object key in base64url}]";

    public override string ToString() =>
        ObjectKey.Length == 0
            ? $"{ClusterId:N}.{RuleId}"
            : $"{ClusterId:N}.{RuleId}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ObjectKey))}";

    /// <summary>How the audit log names the finding: the composite key joined with '/'.</summary>
    public string AuditId => $"{ClusterId}/{RuleId}/{ObjectKey}";

    public static bool TryParse(string? text, out FindingKey key)
    {
        key = default;
        var parts = (text ?? "").Split('.');
        if (parts.Length is < 2 or > 3 || parts[0].Length != 32 || !Guid.TryParseExact(parts[0], "N", out var clusterId) || parts[1].Length is 0 or > 64)
        {
            return false;
        }

        var objectKey = "";
        if (parts.Length == 3)
        {
            if (parts[2].Length == 0 || !Base64Url.IsValid(parts[2]))
            {
                return false;
            }

            objectKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2]));
        }

        key = new FindingKey(clusterId, parts[1], objectKey);
        return true;
    }
}
