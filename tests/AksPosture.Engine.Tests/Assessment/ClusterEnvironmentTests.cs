using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Tests.Fixtures;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Assessment;

public class ClusterEnvironmentTests
{
    private static (ClusterEnvironment Environment, IReadOnlyList<Evidence> Evidence) Classify(
        ClusterFixture fixture, AssessmentSettings? settings = null)
    {
        var probe = new Probe(fixture.Snapshot(), settings ?? AssessmentSettings.Default);
        return (probe.Environment(), probe.Evidence);
    }

    private static ClusterFixture WithTags(object tags) => Load(MostlyCompliant).Set("tags", tags);

    [Theory]
    [InlineData("production", ClusterEnvironment.Production)]
    [InlineData("PROD", ClusterEnvironment.Production)]
    [InlineData("dev", ClusterEnvironment.NonProduction)]
    [InlineData("Staging", ClusterEnvironment.NonProduction)]
    [InlineData("blue", ClusterEnvironment.Unknown)]
    public void Environment_EnvironmentTag_Classifies(string value, ClusterEnvironment expected)
    {
        var (environment, evidence) = Classify(WithTags(new Dictionary<string, string> { ["environment"] = value }));

        Assert.Equal(expected, environment);
        Assert.Equal([new Evidence("tags.environment", $"\"{value}\"")], evidence);
    }

    [Fact]
    public void Environment_KeyInOtherCase_IsRead()
    {
        var (environment, evidence) = Classify(WithTags(new Dictionary<string, string> { ["ENV"] = "live" }));

        Assert.Equal(ClusterEnvironment.Production, environment);
        Assert.Equal([new Evidence("tags.env", "\"live\"")], evidence);
    }

    [Fact]
    public void Environment_UnknownValueInFirstKey_FallsThroughToTheNextKey()
    {
        var (environment, _) = Classify(WithTags(new Dictionary<string, string> { ["environment"] = "blue", ["stage"] = "qa" }));

        Assert.Equal(ClusterEnvironment.NonProduction, environment);
    }

    [Fact]
    public void Environment_NoTags_IsUnknownWithAbsentEvidence()
    {
        var (environment, evidence) = Classify(Load(MostlyCompliant).Remove("tags"));

        Assert.Equal(ClusterEnvironment.Unknown, environment);
        Assert.Equal([new Evidence("tags.environment", null)], evidence);
    }

    [Fact]
    public void Environment_CustomSettings_UseTheirKeysAndValues()
    {
        var settings = new AssessmentSettings { EnvironmentTagKeys = ["tier"], ProductionValues = ["gold"], NonProductionValues = ["bronze"] };

        var (gold, _) = Classify(WithTags(new Dictionary<string, string> { ["tier"] = "Gold", ["environment"] = "dev" }), settings);
        var (bronze, _) = Classify(WithTags(new Dictionary<string, string> { ["tier"] = "bronze" }), settings);

        Assert.Equal(ClusterEnvironment.Production, gold);
        Assert.Equal(ClusterEnvironment.NonProduction, bronze);
    }
}
