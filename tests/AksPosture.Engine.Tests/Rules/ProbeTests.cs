using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Fixtures;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Rules;

public class ProbeTests
{
    private static Probe ProbeOf(ClusterFixture fixture) => new(fixture.Snapshot(), AssessmentSettings.Default);

    [Fact]
    public void Read_PresentValue_RecordsPathAndCompactJson()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        probe.Read("properties.apiServerAccessProfile.authorizedIPRanges");

        Assert.Equal(
            [new Evidence("properties.apiServerAccessProfile.authorizedIPRanges", """["203.0.113.0/28","198.51.100.17/32"]""")],
            probe.Evidence);
    }

    [Fact]
    public void Read_AbsentValue_RecordsNull()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        Assert.Null(probe.Read("properties.podIdentityProfile.enabled"));
        Assert.Equal([new Evidence("properties.podIdentityProfile.enabled", null)], probe.Evidence);
    }

    [Fact]
    public void Read_PathInOtherCase_FindsTheValueAndRecordsThePathAsAsked()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        Assert.Equal("cilium", probe.Text("Properties.NetworkProfile.NETWORKPOLICY"));
        Assert.Equal("Properties.NetworkProfile.NETWORKPOLICY", Assert.Single(probe.Evidence).Path);
    }

    [Fact]
    public void Read_SamePathTwice_RecordsItOnce()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        probe.Text("sku.tier");
        probe.Text("sku.tier");

        Assert.Single(probe.Evidence);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Bool_BooleanOrBooleanText_IsRead(object value, bool expected)
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.disableLocalAccounts", value));

        Assert.Equal(expected, probe.Bool("properties.disableLocalAccounts"));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData(1)]
    public void Bool_OtherValue_ThrowsWithThePath(object value)
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.disableLocalAccounts", value));

        var ex = Assert.Throws<UnreadableValueException>(() => probe.Bool("properties.disableLocalAccounts"));
        Assert.Equal("properties.disableLocalAccounts", ex.Path);
        Assert.Contains("'properties.disableLocalAccounts'", ex.Message);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData("3", 3)]
    public void Int_NumberOrNumberText_IsRead(object value, int expected)
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.maxAgentPools", value));

        Assert.Equal(expected, probe.Int("properties.maxAgentPools"));
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData("three")]
    [InlineData(true)]
    public void Int_OtherValue_Throws(object value)
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.maxAgentPools", value));

        Assert.Throws<UnreadableValueException>(() => probe.Int("properties.maxAgentPools"));
    }

    [Fact]
    public void Text_NumberOrObject_ReadsNumberAndThrowsForObject()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        Assert.Equal("100", probe.Text("properties.maxAgentPools"));
        Assert.Throws<UnreadableValueException>(() => probe.Text("properties.networkProfile"));
    }

    [Fact]
    public void TextList_AbsentOrNotAnArray_IsEmptyOrThrows()
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.apiServerAccessProfile.authorizedIPRanges", "203.0.113.0/24"));

        Assert.Empty(probe.TextList("properties.apiServerAccessProfile.notThere"));
        Assert.Throws<UnreadableValueException>(() => probe.TextList("properties.apiServerAccessProfile.authorizedIPRanges"));
    }

    [Fact]
    public void Pools_Fixture_ListsNamesAndRecordsTheCount()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        var pools = probe.Pools();

        Assert.Equal(["system", "apps", "armspot"], pools.Select(p => p.Name));
        Assert.Equal([new Evidence("properties.agentPoolProfiles", "3 pool(s): system, apps, armspot")], probe.Evidence);
    }

    [Fact]
    public void Pools_PoolField_IsRecordedUnderThePoolName()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        var apps = probe.Pools()[1];

        Assert.Equal(3, apps.GuaranteedNodes);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].enableAutoScaling", "true"), probe.Evidence);
        Assert.Contains(new Evidence("properties.agentPoolProfiles[apps].minCount", "3"), probe.Evidence);
    }

    [Fact]
    public void Pools_PoolWithoutName_IsNamedByIndex()
    {
        var probe = ProbeOf(Load(MostlyCompliant).Remove("properties.agentPoolProfiles[apps].name"));

        Assert.Equal(["system", "#1", "armspot"], probe.Pools().Select(p => p.Name));
    }

    [Fact]
    public void Pools_NotAnArray_ThrowsWithThePath()
    {
        var probe = ProbeOf(Load(MostlyCompliant).Set("properties.agentPoolProfiles", 5));

        Assert.Equal("properties.agentPoolProfiles", Assert.Throws<UnreadableValueException>(() => probe.Pools()).Path);
    }

    [Fact]
    public void Tag_PresentAndAbsent_AreRecorded()
    {
        var probe = ProbeOf(Load(MostlyCompliant));

        Assert.Equal("contoso-orders", probe.Tag("Workload"));
        Assert.Null(probe.Tag("owner"));
        Assert.Equal([new Evidence("tags.Workload", "\"contoso-orders\""), new Evidence("tags.owner", null)], probe.Evidence);
    }
}
