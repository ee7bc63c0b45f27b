using AksPosture.Engine.Rules.Catalog;

namespace AksPosture.Engine.Tests.Rules.Catalog;

public class PolicyAssignmentsTests
{
    private const string Cluster = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks";

    [Theory]
    [InlineData("/subscriptions/s", true)]
    [InlineData("/subscriptions/S/resourcegroups/RG/", true)]
    [InlineData(Cluster, true)]
    [InlineData("/providers/Microsoft.Management/managementGroups/contoso", true)]
    [InlineData(null, true)]
    [InlineData("/subscriptions/s/resourceGroups/rg-2", false)]
    [InlineData("/subscriptions/other", false)]
    public void Covers_Scopes_AppliesAtAndBelowTheScope(string? scope, bool expected)
    {
        Assert.Equal(expected, PolicyAssignments.Covers(Cluster, scope, []));
    }

    [Theory]
    [InlineData("/subscriptions/s/resourceGroups/rg", false)]
    [InlineData(Cluster, false)]
    [InlineData("/subscriptions/s/resourceGroups/rg-2", true)]
    public void Covers_NotScopes_ExcludeTheClusterBelowThem(string excluded, bool expected)
    {
        Assert.Equal(expected, PolicyAssignments.Covers(Cluster, "/subscriptions/s", [excluded]));
    }
}
