using System.Text.Json.Nodes;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.KubernetesList;
using static AksPosture.Engine.Tests.Rules.Catalog.PodSecurity.SnapshotBundleFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.PodSecurity;

/// <summary>AKS-SEC-09.</summary>
public class AcrAuthenticationRuleTests
{
    private const string Kubelet = "55555555-5555-5555-5555-555555555554";
    private const string AcrPull = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string Reader = "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";
    private const string RegistryGroup = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-contoso-registry";
    private const string Registry = RegistryGroup + "/providers/Microsoft.ContainerRegistry/registries/contosoprod";

    private static JsonNode Assignments(params (string Scope, string Principal, string Role)[] assignments) =>
        new JsonObject
        {
            ["value"] = new JsonArray(assignments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Scope + "/providers/Microsoft.Authorization/roleAssignments/0f0e0d0c-0000-0000-0000-000000000001",
                ["type"] = "Microsoft.Authorization/roleAssignments",
                ["properties"] = new JsonObject { ["scope"] = a.Scope, ["principalId"] = a.Principal, ["roleDefinitionId"] = a.Role, ["principalType"] = "ServicePrincipal" },
            }).ToArray()),
        };

    private static SnapshotBundleFixture CleanWith(JsonNode assignments) =>
        Of(Load(MostlyCompliant)).WithKubernetes(Clean).WithDataSet("acrRoleAssignments", assignments);

    [Fact]
    public void Sec09_PullSecretsOnPodOrServiceAccount_Fail()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Violations).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(["payments/Deployment/acr-secret-puller", "payments/Deployment/sa-puller"], ObjectKeys(result));
        Assert.Equal("Pulls from contosoprod.azurecr.io with imagePullSecrets 'acr-creds'.", Finding(result, "payments/Deployment/acr-secret-puller").Message);
        var viaAccount = Finding(result, "payments/Deployment/sa-puller");
        Assert.Contains("service account 'builder'", viaAccount.Message);
        Assert.Contains(new Evidence("payments/ServiceAccount/builder: imagePullSecrets", """[{"name":"acr-token"}]"""), viaAccount.Evidence);
    }

    [Fact]
    public void Sec09_KubeletHasAcrPullOnTheRegistry_Passes()
    {
        var result = CleanWith(Assignments((Registry, Kubelet, AcrPull))).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("kubernetes.acrRegistries", "contosoprod.azurecr.io"), result.Evidence);
        Assert.Contains(new Evidence("azure.acrRoleAssignments (pull roles of the kubelet identity)", Registry), result.Evidence);
    }

    [Fact]
    public void Sec09_NoPullRoleForTheKubelet_Fails()
    {
        var result = CleanWith(Assignments((Registry, "99999999-9999-9999-9999-999999999999", AcrPull), (Registry, Kubelet, Reader))).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("'contosoprod.azurecr.io'", result.Message);
        Assert.Contains(new Evidence("azure.acrRoleAssignments (pull roles of the kubelet identity)", "none"), result.Evidence);
    }

    [Fact]
    public void Sec09_PullRoleOnlyAtResourceGroup_IsManual()
    {
        var result = CleanWith(Assignments((RegistryGroup, Kubelet, AcrPull))).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(RegistryGroup, result.Message);
    }

    [Fact]
    public void Sec09_NoKubeletIdentity_IsManual()
    {
        var cluster = Load(MostlyCompliant).Remove("properties.identityProfile");

        var result = Of(cluster).WithKubernetes(Clean).WithDataSet("acrRoleAssignments", Assignments()).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains(new Evidence("properties.identityProfile.kubeletidentity.objectId", null), result.Evidence);
    }

    [Fact]
    public void Sec09_RoleAssignmentsNotCollected_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.StartsWith("No imagePullSecrets are used for 'contosoprod.azurecr.io'. 'acrRoleAssignments' was not collected", result.Message);
        Assert.Contains(new Evidence("azure.acrRoleAssignments", null), result.Evidence);
    }

    [Fact]
    public void Sec09_RoleAssignmentsDenied_ErrorsNamingThePermission()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Clean)
            .WithProblem("acrRoleAssignments", "403 AuthorizationFailed", "Microsoft.Authorization/roleAssignments/read")
            .Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.Error, result.Status);
        Assert.Contains("Microsoft.Authorization/roleAssignments/read", result.Message);
    }

    [Fact]
    public void Sec09_NoAcrImages_IsNotApplicable()
    {
        var result = Of(Load(MostlyCompliant)).WithKubernetes(Only(Violations, "shop/Deployment/hub-image")).Evaluate("AKS-SEC-09");

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
        Assert.Contains(new Evidence("kubernetes.acrRegistries", null), result.Evidence);
    }
}
