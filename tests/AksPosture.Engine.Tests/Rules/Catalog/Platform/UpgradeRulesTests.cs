using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules.Catalog.Platform;

public class UpgradeRulesTests
{
    // 1.34 leaves AKS standard support at the end of November 2026; 1.33 left it at the end of July 2026.
    private static readonly AssessmentSettings Nov2026 = new() { AsOf = new DateOnly(2026, 11, 23) };
    private static readonly AssessmentSettings Jan2026 = new() { AsOf = new DateOnly(2026, 1, 15) };

    [Fact]
    public void Ops10_SupportedMinor_Passes()
    {
        var result = OnVersion("1.35.2").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.currentKubernetesVersion", "\"1.35.2\""), result.Evidence);
        Assert.Contains(new Evidence("minimum supported version", "1.34 (AKS calendar on 2026-11-23)"), result.Evidence);
    }

    [Fact]
    public void Ops10_MinorBelowOldestSupported_Fails()
    {
        var result = OnVersion("1.33.5").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("1.34", result.Message);
    }

    [Fact]
    public void Ops10_MinorLeavingSupportWithinSixtyDays_Warns()
    {
        var result = OnVersion("1.34.1").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("2026-11-30", result.Message);
    }

    [Fact]
    public void Ops10_OldMinorWithLongTermSupport_StillSupported()
    {
        // 1.32 reached AKS GA in April 2025: long-term support runs to April 2027.
        var result = OnVersion("1.32.9").Set("properties.supportPlan", "AKSLongTermSupport").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains("long-term support", result.Message);
    }

    [Fact]
    public void Ops10_ConfiguredMinimum_WinsOverCalendar()
    {
        var settings = Nov2026 with { MinimumKubernetesVersion = "1.36" };

        var result = OnVersion("1.35.2").Evaluate("AKS-OPS-10", settings);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains(new Evidence("minimum supported version", "1.36 (configured)"), result.Evidence);
    }

    [Fact]
    public void Ops10_PoolNewerThanControlPlane_Fails()
    {
        var result = OnVersion("1.35.2").Set("properties.agentPoolProfiles[apps].currentOrchestratorVersion", "1.36.0").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("'apps'", result.Message);
    }

    [Fact]
    public void Ops10_PoolThreeMinorsBehind_Fails()
    {
        var result = OnVersion("1.35.2").Set("properties.agentPoolProfiles[apps].currentOrchestratorVersion", "1.32.4").Evaluate("AKS-OPS-10", Jan2026);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Contains("more than two minors behind", result.Message);
    }

    [Fact]
    public void Ops10_NoVersion_IsNotApplicable()
    {
        var result = Load(MostlyCompliant).Remove("properties.currentKubernetesVersion").Remove("properties.kubernetesVersion").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Ops10_UnparseableVersion_Warns()
    {
        var result = OnVersion("latest").Evaluate("AKS-OPS-10", Nov2026);

        Assert.Equal(RuleStatus.Warn, result.Status);
    }

    [Theory]
    [InlineData("patch", RuleStatus.Pass)]
    [InlineData("stable", RuleStatus.Pass)]
    [InlineData("none", RuleStatus.Warn)]
    [InlineData("sometimes", RuleStatus.Warn)]
    public void Ops11_Channel_GivesVerdict(string channel, RuleStatus expected)
    {
        var result = Load(MostlyCompliant).Set("properties.autoUpgradeProfile.upgradeChannel", channel).Evaluate("AKS-OPS-11");

        Assert.Equal(expected, result.Status);
        Assert.Contains(new Evidence("properties.autoUpgradeProfile.upgradeChannel", $"\"{channel}\""), result.Evidence);
    }

    [Fact]
    public void Ops11_ChannelAbsent_CountsAsNone()
    {
        var result = Load(MostlyCompliant).Remove("properties.autoUpgradeProfile.upgradeChannel").Evaluate("AKS-OPS-11");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains(new Evidence("properties.autoUpgradeProfile.upgradeChannel", null), result.Evidence);
    }

    [Fact]
    public void Ops11_RapidOnProduction_Warns()
    {
        var result = Load(MostlyCompliant).Set("properties.autoUpgradeProfile.upgradeChannel", "rapid").Evaluate("AKS-OPS-11");

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("production", result.Message);
    }

    [Theory]
    [InlineData("NodeImage", RuleStatus.Pass)]
    [InlineData("SecurityPatch", RuleStatus.Pass)]
    [InlineData("Unmanaged", RuleStatus.Warn)]
    [InlineData("None", RuleStatus.Warn)]
    public void Ops12_NodeOsChannel_GivesVerdict(string channel, RuleStatus expected)
    {
        var result = Load(MostlyCompliant).Set("properties.autoUpgradeProfile.nodeOSUpgradeChannel", channel).Evaluate("AKS-OPS-12");

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Ops12_ChannelAbsent_DefaultsToNodeImage()
    {
        var result = Load(MostlyCompliant).Remove("properties.autoUpgradeProfile.nodeOSUpgradeChannel").Evaluate("AKS-OPS-12");

        Assert.Equal(RuleStatus.Pass, result.Status);
        Assert.Contains(new Evidence("properties.autoUpgradeProfile.nodeOSUpgradeChannel", null), result.Evidence);
    }

    [Fact]
    public void Pol07_UnsupportedVersion_Fails()
    {
        var result = OnVersion("1.31.7").Evaluate("AKS-POL-07", Nov2026);

        Assert.Equal(RuleStatus.Fail, result.Status);
        Assert.Equal(Pillar.Security, result.Pillar);
    }

    [Fact]
    public void Pol07_SupportedVersionAndChannels_Passes()
    {
        var result = OnVersion("1.35.2").Evaluate("AKS-POL-07", Nov2026);

        Assert.Equal(RuleStatus.Pass, result.Status);
    }

    [Fact]
    public void Pol07_SupportedVersionWithoutChannels_Warns()
    {
        var result = OnVersion("1.35.2").Set("properties.autoUpgradeProfile.upgradeChannel", "none").Evaluate("AKS-POL-07", Nov2026);

        Assert.Equal(RuleStatus.Warn, result.Status);
        Assert.Contains("No auto-upgrade channel", result.Message);
    }

    private static Fixtures.ClusterFixture OnVersion(string version)
    {
        var fixture = Load(MostlyCompliant).Set("properties.currentKubernetesVersion", version);
        foreach (var pool in new[] { "system", "apps", "armspot" })
        {
            fixture.Set($"properties.agentPoolProfiles[{pool}].currentOrchestratorVersion", version);
        }

        return fixture;
    }
}
