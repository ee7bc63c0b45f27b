namespace AksPosture.Engine.Rules.Catalog.Platform;

/// <summary>Checks Microsoft's own lists and respected tools make that the guide leaves implicit (versions, channels, SKUs …).</summary>
internal static class PlatformRules
{
    public static IEnumerable<Rule> All() => [];
}
