namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>Rules that read pod specs and network objects for security (AKS-SEC-03/04/05/09/15/17, AKS-POL-09…13).</summary>
internal static class PodSecurityRules
{
    public static IEnumerable<Rule> All() =>
    [
        SegmentationRule.Rule,
        WebApplicationFirewallRule.Rule,
        SupplyChainRule.Rule,
        AcrAuthenticationRule.Rule,
        SecretsStoreRule.Rule,
        .. PodSecurityCheckRules.All(),
        VolumeRule.Rule,
        NetworkExposureRule.Rule,
        DefaultNamespaceRule.Rule,
    ];
}
