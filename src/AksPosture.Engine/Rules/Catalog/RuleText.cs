namespace AksPosture.Engine.Rules.Catalog;

internal static class RuleText
{
    /// <summary>Joins findings into one sentence: "A; b; c."</summary>
    public static string Sentence(IEnumerable<string> parts)
    {
        var text = string.Join("; ", parts);
        return text.Length == 0 ? "" : char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
