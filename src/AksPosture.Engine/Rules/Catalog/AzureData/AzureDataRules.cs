namespace AksPosture.Engine.Rules.Catalog.AzureData;

/// <summary>Rules that read Azure data held outside the cluster resource (diagnostics, Advisor, Policy, backup, metrics …).</summary>
internal static class AzureDataRules
{
    public static IEnumerable<Rule> All() => [];
}
