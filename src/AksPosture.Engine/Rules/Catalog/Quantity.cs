using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Engine.Rules.Catalog;

/// <summary>Kubernetes resource quantities ("250m", "1.5", "128Mi", "1e3", "2G") as plain numbers (cores, bytes).</summary>
internal static partial class Quantity
{
    private static readonly Dictionary<string, decimal> Multipliers = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        ["k"] = 1_000m,
        ["M"] = 1_000_000m,
        ["G"] = 1_000_000_000m,
        ["T"] = 1_000_000_000_000m,
        ["P"] = 1_000_000_000_000_000m,
        ["E"] = 1_000_000_000_000_000_000m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The quantity, or null when it is absent; a value that is not a quantity reads as unreadable (ERROR).</summary>
    public static double? Read(JsonNode? node, string path)
    {
        var text = Probe.AsText(path, node);
        if (text is null)
        {
            return null;
        }

        return Parse(text) is { } value ? (double)value : throw new UnreadableValueException(path, $"'{text}' is not a Kubernetes quantity");
    }

    /// <summary>The value, or null when the node is absent or not a quantity (the tolerant read of workload rules).</summary>
    public static decimal? Parse(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue<decimal>(out var number) ? number : null;
        }

        return value.TryGetString(out var text) ? Parse(text) : null;
    }

    public static decimal? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !Multipliers.TryGetValue(match.Groups["suffix"].Value, out var multiplier)
            || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        try
        {
            if (match.Groups["exponent"].Success)
            {
                var exponent = int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture);
                if (Math.Abs(exponent) > 18)
                {
                    return null;
                }

                for (var i = 0; i < Math.Abs(exponent); i++)
                {
                    number = exponent > 0 ? number * 10 : number / 10;
                }
            }

            return number * multiplier;
        }
        catch (OverflowException)
        {
            // Beyond decimal's range (~7.9e28) no real quantity lies; reading it as "not a quantity" beats crashing the assessment.
            return null;
        }
    }

    // A decimal exponent needs digits ("1e3"), so a bare "E" stays the exa suffix ("1E").
    [GeneratedRegex(@"^(?<number>[+-]?(\d+\.?\d*|\.\d+))([eE](?<exponent>[+-]?\d+))?(?<suffix>[a-zA-Z]*)$")]
    private static partial Regex Pattern();
}
