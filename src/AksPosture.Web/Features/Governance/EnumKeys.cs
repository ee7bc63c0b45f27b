namespace AksPosture.Web.Features.Governance;

/// <summary>
/// The words exception and attestation enums travel as, in the API and in the database: camelCase names
/// (<c>riskAccepted</c>, <c>falsePositive</c>), like pillar keys.
/// </summary>
public static class EnumKeys
{
    public static string Key<TEnum>(this TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Parses a key case-insensitively; numbers are refused, so only the documented words are accepted.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v).FirstOrDefault(v => string.Equals(v!.Value.Key(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The accepted keys, for error messages: <c>mitigated, riskAccepted, falsePositive</c>.</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => v.Key()));
}
