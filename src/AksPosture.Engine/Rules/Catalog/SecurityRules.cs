namespace AksPosture.Engine.Rules.Catalog;

internal static class SecurityRules
{
    public static IEnumerable<Rule> All() =>
        IdentityRules.All().Concat(ApiServerRules.All()).Concat(GovernanceRules.SecurityRules());
}
