using System.Globalization;
using System.Text.Json.Nodes;

namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Kubernetes resource quantities ("250m", "1.5", "512Mi", "1G", "1e3") as plain numbers (cores, bytes).</summary>
internal static class KubernetesQuantity
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40), ("Pi", 1L << 50), ("Ei", 1L << 60),
        ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
    ];

    /// <summary>The quantity, or null when it is absent; a value that is not a quantity reads as unreadable (ERROR).</summary>
    public static double? Read(JsonNode? node, string path)
    {
        var text = Probe.AsText(path, node);
        if (text is null)
        {
            return null;
        }

        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && Parse(text[..^suffix.Length]) is { } number)
            {
                return number * factor;
            }
        }

        return Parse(text) ?? throw new UnreadableValueException(path, $"'{text}' is not a Kubernetes quantity");
    }

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
