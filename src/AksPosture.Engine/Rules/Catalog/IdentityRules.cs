using static AksPosture.Engine.Rules.Probe;

namespace AksPosture.Engine.Rules.Catalog;

internal static class IdentityRules
{
    public static IEnumerable<Rule> All() => [ManagedIdentity, WorkloadIdentity, EntraAuthorization, AuthenticationPolicy];

    private static readonly Rule ManagedIdentity = new(new RuleDefinition
    {
        Id = "AKS-SEC-07",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Use a managed identity for the cluster, not a service principal",
        Rationale = "A service principal's secret must be rotated by hand and can leak; when it expires the cluster can no longer manage its load balancers and disks. A managed identity has no secret to handle.",
        Remediation = "Update the cluster to a system-assigned or user-assigned managed identity.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-managed-identity",
        RemediationProperty = "identity.type = SystemAssigned (or UserAssigned)",
        SeedReference = "Security recommendation 1",
        Lineage = ["Azure Policy da6e2401-19da-4532-9141-fb8fbde08431"],
        LearnMoreUrl = ClusterFacts.LearnBase + "use-managed-identity",
    }, probe =>
    {
        var identityType = probe.Text("identity.type");
        var clientId = probe.Text("properties.servicePrincipalProfile.clientId");
        var usesServicePrincipal = clientId is not null && !clientId.Equals("msi", StringComparison.OrdinalIgnoreCase);
        if (usesServicePrincipal)
        {
            return Fail("The cluster authenticates to Azure with a service principal.");
        }

        return identityType switch
        {
            null => clientId is null
                ? NotApplicable("The snapshot has neither 'identity' nor 'servicePrincipalProfile'.")
                : Pass("The cluster uses a managed identity (servicePrincipalProfile.clientId is 'msi')."),
            _ when identityType.IsOneOf("SystemAssigned", "UserAssigned") => Pass($"The cluster uses a {identityType} managed identity."),
            _ when identityType.IsOneOf("None") => Fail("The cluster has no managed identity."),
            _ => Warn($"Unrecognised identity type '{identityType}'."),
        };
    });

    private static readonly Rule WorkloadIdentity = new(new RuleDefinition
    {
        Id = "AKS-SEC-08",
        Pillar = Pillar.Security,
        Severity = Severity.Medium,
        Title = "Use Microsoft Entra Workload ID; retire pod-managed identity",
        Rationale = "Workload ID gives each service account a federated identity without secrets or node-level interception. The older pod-managed identity add-on is deprecated and intercepts metadata traffic on every node.",
        Remediation = "Enable the OIDC issuer and workload identity, move workloads to federated credentials, then disable pod identity.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-oidc-issuer --enable-workload-identity",
        RemediationProperty = "properties.securityProfile.workloadIdentity.enabled = true, properties.oidcIssuerProfile.enabled = true",
        SeedReference = "Security recommendation 2",
        Scope = RuleScope.Workload,
        LearnMoreUrl = ClusterFacts.LearnBase + "workload-identity-overview",
    }, probe =>
    {
        var workloadIdentity = probe.Bool("properties.securityProfile.workloadIdentity.enabled") == true;
        var oidcIssuer = probe.Bool("properties.oidcIssuerProfile.enabled") == true;
        if (probe.Bool("properties.podIdentityProfile.enabled") == true)
        {
            return Fail("The deprecated pod-managed identity add-on is enabled.");
        }

        return workloadIdentity && oidcIssuer
            ? Pass("Workload identity and the OIDC issuer are enabled.")
            : Warn($"Workload identity is {(workloadIdentity ? "on" : "off")} and the OIDC issuer is {(oidcIssuer ? "on" : "off")}: workloads cannot use federated identities.");
    });

    private static readonly Rule EntraAuthorization = new(new RuleDefinition
    {
        Id = "AKS-SEC-12",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Authorise API access with Microsoft Entra ID and disable local accounts",
        Rationale = "Local accounts hand out a static cluster-admin credential that bypasses Entra ID, conditional access and audit by identity. With Entra ID and Azure RBAC, every API call is tied to a person or workload and can be revoked centrally.",
        Remediation = "Enable Entra ID integration with Azure RBAC for Kubernetes, then disable local accounts.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-aad --enable-azure-rbac --disable-local-accounts",
        RemediationProperty = "properties.aadProfile.managed = true, aadProfile.enableAzureRBAC = true, properties.disableLocalAccounts = true",
        SeedReference = "Security recommendation 6",
        Lineage = ["Azure Policy 993c2fcd-2b29-49d2-9eb0-df2c3a730c32"],
        LearnMoreUrl = ClusterFacts.LearnBase + "manage-local-accounts-managed-azure-ad",
    }, probe =>
    {
        var managed = probe.Bool("properties.aadProfile.managed") == true;
        var azureRbac = probe.Bool("properties.aadProfile.enableAzureRBAC") == true;
        var localDisabled = probe.Bool("properties.disableLocalAccounts") == true;
        var problems = new List<string>();
        if (!managed)
        {
            problems.Add("Microsoft Entra ID integration is not enabled");
        }

        if (!localDisabled)
        {
            problems.Add("local accounts are enabled");
        }

        if (problems.Count > 0)
        {
            return Fail(RuleText.Sentence(problems));
        }

        return azureRbac
            ? Pass("Entra ID with Azure RBAC authorises API access and local accounts are disabled.")
            : Warn("Entra ID is on and local accounts are off, but authorisation uses Kubernetes RBAC rather than Azure RBAC.");
    });

    private static readonly Rule AuthenticationPolicy = new(new RuleDefinition
    {
        Id = "AKS-POL-03",
        Pillar = Pillar.Security,
        Severity = Severity.High,
        Title = "Authentication mode: Entra ID, Kubernetes RBAC on, local accounts off",
        Rationale = "These three settings are the Azure Policy baseline for who can reach the API server; together they leave no anonymous or shared credential path.",
        Remediation = "Enable Entra ID integration, keep Kubernetes RBAC on, disable local accounts.",
        RemediationCommand = "az aks update -g <rg> -n <cluster> --enable-aad --disable-local-accounts",
        RemediationProperty = "properties.aadProfile.managed, properties.enableRBAC, properties.disableLocalAccounts",
        SeedReference = "Azure policies: authentication mode",
        Lineage =
        [
            "Azure Policy 450d2877-ebea-41e8-b00c-e286317d21bf",
            "Azure Policy ac4a19c2-fa67-49b4-8ae5-0b2e78c49457",
            "Azure Policy 993c2fcd-2b29-49d2-9eb0-df2c3a730c32",
        ],
        LearnMoreUrl = ClusterFacts.LearnBase + "enable-authentication-microsoft-entra-id",
    }, probe =>
    {
        var missing = new List<string>();
        if (probe.Bool("properties.aadProfile.managed") != true)
        {
            missing.Add("Entra ID integration is off");
        }

        if (probe.Bool("properties.enableRBAC") != true)
        {
            missing.Add("Kubernetes RBAC is off");
        }

        if (probe.Bool("properties.disableLocalAccounts") != true)
        {
            missing.Add("local accounts are enabled");
        }

        return missing.Count == 0
            ? Pass("Entra ID, Kubernetes RBAC and disabled local accounts are all in place.")
            : Fail(RuleText.Sentence(missing));
    });
}
