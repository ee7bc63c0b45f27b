using System.Text.Json.Nodes;
using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog.PodSecurity;

/// <summary>The role-assignment half of AKS-SEC-09: may the kubelet identity pull from every registry in use?</summary>
internal static class AcrPullGrants
{
    private const string PrincipalPath = "properties.identityProfile.kubeletidentity.objectId";
    private const string RegistryScope = "/providers/Microsoft.ContainerRegistry/registries/";

    // AcrPull, and the built-in roles that include pulling: AcrPush, Contributor, Owner.
    private static readonly string[] PullRoles =
    [
        "7f951dda-4ed3-4680-a7ca-43fe172d538d",
        "8311e382-0749-4cb8-b61a-304f252e45ec",
        "b24988ac-6180-42a0-ab88-20f7382dd24c",
        "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    ];

    public static Outcome Judge(Probe probe, IReadOnlyList<string> registries, IReadOnlyList<JsonObject> assignments)
    {
        var principal = probe.Text(PrincipalPath);
        if (principal is null)
        {
            return Manual($"The snapshot names no kubelet identity, so its registry roles cannot be checked. Confirm how nodes authenticate to {RuleText.List(registries)}.");
        }

        var scopes = assignments
            .Where(a => string.Equals(Field(a, "principalId"), principal, StringComparison.OrdinalIgnoreCase)
                && Field(a, "roleDefinitionId") is { } role && PullRoles.Any(r => role.EndsWith(r, StringComparison.OrdinalIgnoreCase)))
            .Select(a => Field(a, "scope") ?? "")
            .ToList();
        probe.Note($"azure.{AcrAuthenticationRule.AcrRoleAssignments} (pull roles of the kubelet identity)", scopes.Count == 0 ? "none" : string.Join(", ", scopes));

        var ungranted = registries.Where(host => !scopes.Exists(s => IsRegistry(s, host))).ToList();
        var broader = scopes.Where(IsBroader).ToList();
        if (ungranted.Count > 0 && broader.Count == 0)
        {
            return Fail($"The kubelet identity holds no AcrPull (or broader) role on {RuleText.List(ungranted)}, so pulls from them need other credentials or fail.");
        }

        return ungranted.Count > 0
            ? Manual($"The kubelet identity holds a pull role only at {RuleText.List(broader)}; confirm {RuleText.List(ungranted)} lie under that scope.")
            : Pass($"No imagePullSecrets are used for ACR and the kubelet identity holds a pull role on {RuleText.List(registries)}.");
    }

    private static string? Field(JsonObject assignment, string field) =>
        AsText($"azure.{AcrAuthenticationRule.AcrRoleAssignments}[].properties.{field}", Navigate(assignment, $"properties.{field}"));

    /// <summary>A registry's login server is <c>&lt;name&gt;.azurecr.io</c>, its scope <c>…/registries/&lt;name&gt;</c>.</summary>
    private static bool IsRegistry(string scope, string host) =>
        scope.TrimEnd('/').EndsWith(RegistryScope + host[..host.IndexOf('.')], StringComparison.OrdinalIgnoreCase);

    /// <summary>A subscription, resource group or management group may hold the registry; the assignment alone cannot say.</summary>
    private static bool IsBroader(string scope) =>
        scope.StartsWith('/') && (!scope.Contains("/providers/", StringComparison.OrdinalIgnoreCase)
            || scope.Contains("/providers/Microsoft.Management/managementGroups/", StringComparison.OrdinalIgnoreCase));
}
