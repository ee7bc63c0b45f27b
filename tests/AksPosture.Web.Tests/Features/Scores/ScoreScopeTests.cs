using AksPosture.Web.Features.Scores;

namespace AksPosture.Web.Tests.Features.Scores;

public sealed class ScoreScopeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fleet")]
    [InlineData(" FLEET ")]
    public void TryParse_FleetOrNothing_IsTheFleet(string? text)
    {
        Assert.True(ScoreScope.TryParse(text, out var scope));
        Assert.Equal(ScoreScope.Fleet, scope);
    }

    [Fact]
    public void TryParse_Subscription_LowerCasesTheGuid()
    {
        Assert.True(ScoreScope.TryParse("subscription:3F6C1A2E-5B4D-4C8E-9A71-0D2E8B6F4A11", out var scope));
        Assert.Equal(new ScoreScope(ScoreScopeKind.Subscription, "3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11"), scope);
        Assert.Equal("subscription:3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11", scope.ToString());
    }

    [Fact]
    public void TryParse_ClusterArmId_KeepsTheWholeIdLowerCased()
    {
        const string id = "/subscriptions/3f6c1a2e-5b4d-4c8e-9a71-0d2e8b6f4a11/resourceGroups/RG/providers/Microsoft.ContainerService/managedClusters/AKS-1";

        Assert.True(ScoreScope.TryParse($"cluster:{id}", out var scope));
        Assert.Equal(ScoreScopeKind.Cluster, scope.Kind);
        Assert.Equal(id.ToLowerInvariant(), scope.Id);
    }

    [Theory]
    [InlineData("fleets")]
    [InlineData("subscription:")]
    [InlineData("subscription:contoso")]
    [InlineData("cluster:")]
    [InlineData("cluster:aks-1")]
    [InlineData("team:payments")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.False(ScoreScope.TryParse(text, out _));
    }
}
