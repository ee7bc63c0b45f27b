using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using static AksPosture.Engine.Tests.Fixtures.ClusterFixture;

namespace AksPosture.Engine.Tests.Assessment;

public class ContextFileTests
{
    [Fact]
    public void Parse_SettingsAndClusters_ReplaceOnlyWhatTheyName()
    {
        var (settings, error) = ContextFile.Parse("""
            { "settings": { "minimumKubernetesVersion": "1.35", "allowedRegistries": ["contoso.azurecr.io"] },
              "clusters": { "aks-dev": { "production": true, "critical": true, "workloadGroup": "orders" } } }
            """);

        Assert.Null(error);
        Assert.Equal("1.35", settings!.MinimumKubernetesVersion);
        Assert.Equal(["contoso.azurecr.io"], settings.AllowedRegistries);
        Assert.Equal(AssessmentSettings.Default.SystemNamespaces, settings.SystemNamespaces);
        var context = settings.ContextOverrides["AKS-DEV"];
        Assert.True(context.Production);
        Assert.Equal("orders", context.WorkloadGroup);
        Assert.Null(context.Regulated);
    }

    [Fact]
    public void Parse_UnknownKey_IsAnErrorNamingIt()
    {
        var (settings, error) = ContextFile.Parse("""{ "clusters": { "aks-dev": { "prodution": true } } }""");

        Assert.Null(settings);
        Assert.Contains("prodution", error);
    }

    [Fact]
    public void Parse_MalformedJson_IsAnErrorWithTheLine()
    {
        var (_, error) = ContextFile.Parse("{\n  \"clusters\": {\n    \"aks-dev\": { \"production\": tru }\n  }\n}");

        Assert.Contains("line 3", error);
    }

    [Fact]
    public void ContextOverride_ProductionFromFile_WinsOverTags()
    {
        // The neglected dev cluster is tagged environment=dev; the context file says it serves production.
        var (settings, _) = ContextFile.Parse("""{ "clusters": { "aks-neglected-dev": { "production": true } } }""");
        var fixture = Load(NeglectedDev).Set("name", "aks-neglected-dev");

        var byTags = fixture.Evaluate("AKS-REL-08");
        var byFile = fixture.Evaluate("AKS-REL-08", settings);

        Assert.Equal(RuleStatus.NotApplicable, byTags.Status);
        Assert.Equal(RuleStatus.Fail, byFile.Status);
        Assert.Contains(new Evidence("context.production (context file)", "true"), byFile.Evidence);
    }

    [Theory]
    [InlineData("criticality", "mission-critical", true)]
    [InlineData("criticality", "low", false)]
    [InlineData("criticality", "whatever", null)]
    public void IsCritical_FromTag_ReadsTruthyAndFalsyValues(string key, string value, bool? expected)
    {
        var snapshot = Load(MostlyCompliant).Set($"tags.{key}", value).Snapshot();

        var probe = new Probe(snapshot, AssessmentSettings.Default);

        Assert.Equal(expected, probe.IsCritical());
    }

    [Fact]
    public void IsRegulated_NamedRegime_CountsAsRegulated()
    {
        var probe = new Probe(Load(MostlyCompliant).Set("tags.compliance", "pci-dss").Snapshot(), AssessmentSettings.Default);

        Assert.True(probe.IsRegulated());
        Assert.Contains(new Evidence("tags.compliance", "\"pci-dss\""), probe.Evidence);
    }
}
