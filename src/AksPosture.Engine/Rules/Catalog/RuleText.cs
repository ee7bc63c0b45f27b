namespace AksPosture.Engine.Rules.Catalog;

internal static class RuleText
{
    /// <summary>Joins findings into one sentence: "A; b; c."</summary>
    public static string Sentence(IEnumerable<string> parts)
    {
        var text = string.Join("; ", parts);
        if (text.Length == 0)
        {
            return "";
        }

        var first = char.ToUpperInvariant(text[0]);
        return string.Concat(new ReadOnlySpan<char>(in first), text.AsSpan(1), ".");
    }

    /// <summary>Quotes and joins names: "'a', 'b'".</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names as IReadOnlyCollection<string> ?? names.ToList();
        return all.Count == 0 ? "" : $"'{string.Join("', '", all)}'";
    }
}
