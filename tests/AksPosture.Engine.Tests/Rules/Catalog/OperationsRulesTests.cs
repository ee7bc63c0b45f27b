using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog;

/// <summary>AKS-OPS-01 and AKS-OPS-07; AKS-OPS-05 and -08 are in <see cref="GovernanceRulesTests"/>.</summary>
public class OperationsRulesTests
{
    [Fact]
    public void Ops01_NoIacTag_AsksForConfirmation()
    {
        var result = Load(MostlyCompliant).Evaluate("AKS-OPS-01");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Equal("Confirm the cluster is defined in code and deployed by a pipeline.", result.Message);
        Assert.Empty(result.Evidence);
    }

    [Fact]
    public void Ops01_ManagedByTag_IsShownAsAHint()
    {
        var result = Load(BaselinePrivate).Evaluate("AKS-OPS-01");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("'managedBy=bicep'", result.Message);
        Assert.Contains(new Evidence("tags.managedBy", "\"bicep\""), result.Evidence);
    }

    [Fact]
    public void Ops01_TagKeyInOtherCase_IsFound()
    {
        var result = Load(MostlyCompliant).Set("tags.IaC", "terraform").Evaluate("AKS-OPS-01");

        Assert.Equal(RuleStatus.Manual, result.Status);
        Assert.Contains("terraform", result.Message);
    }

    [Theory]
    [InlineData(MostlyCompliant)]
    [InlineData(NeglectedDev)]
    public void Ops07_AnyCluster_AsksForConfirmation(string fixture)
    {
        Assert.Equal(RuleStatus.Manual, Load(fixture).Evaluate("AKS-OPS-07").Status);
    }
}
