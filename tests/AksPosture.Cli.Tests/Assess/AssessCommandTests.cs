using System.Text.Json;

namespace AksPosture.Cli.Tests.Assess;

public class AssessCommandTests
{
    [Fact]
    public void Assess_TwoShapes_PrintsDocumentedJson()
    {
        using var folder = new TempFolder();
        folder.Write("prod.json", Samples.Compliant);
        folder.Write("dev.json", Samples.NeglectedAzCli);

        var run = CliRun.Of("assess", folder.Path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.False(string.IsNullOrEmpty(root.GetProperty("ruleSetVersion").GetString()));
        Assert.Equal("1", root.GetProperty("scoringVersion").GetString());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var clusters = root.GetProperty("clusters").EnumerateArray().ToList();
        Assert.Equal(["aks-dev", "aks-contoso-prod-weu"], clusters.Select(c => c.GetProperty("name").GetString()).Order().Reverse());

        var dev = clusters.Single(c => c.GetProperty("name").GetString() == "aks-dev");
        Assert.Equal("9b1d3c5e-7f00-4a2b-8c4d-6e8f0a1b2c3d", dev.GetProperty("subscriptionId").GetString());
        var scores = dev.GetProperty("scores");
        foreach (var key in new[] { "reliability", "security", "costOptimization", "operationalExcellence", "performanceEfficiency", "overall" })
        {
            Assert.True(scores.TryGetProperty(key, out _), $"scores.{key} is missing");
        }

        var managedIdentity = dev.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "AKS-SEC-07");
        Assert.Equal("FAIL", managedIdentity.GetProperty("status").GetString());
        Assert.Equal("security", managedIdentity.GetProperty("pillar").GetString());
        Assert.Equal("high", managedIdentity.GetProperty("severity").GetString());
        var evidence = managedIdentity.GetProperty("evidence").EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("value"));
        Assert.Equal("\"1b2c3d4e-0000-4000-8000-000000000001\"", evidence["properties.servicePrincipalProfile.clientId"].GetString());
        Assert.Equal(JsonValueKind.Null, evidence["identity.type"].ValueKind);
    }

    [Fact]
    public void Assess_DevClusterScoresBelowCompliantOne()
    {
        using var folder = new TempFolder();
        var prod = folder.Write("prod.json", Samples.Compliant);
        var dev = folder.Write("dev.json", Samples.NeglectedAzCli);

        var prodScore = Overall(CliRun.Of("assess", prod));
        var devScore = Overall(CliRun.Of("assess", dev));

        Assert.True(devScore < prodScore, $"neglected {devScore} should score below compliant {prodScore}");
    }

    [Fact]
    public void Assess_BadFileAmongGoodOnes_ReportsItAndExitsOne()
    {
        using var folder = new TempFolder();
        folder.Write("good.json", Samples.Compliant);
        folder.Write("broken.json", "{ \"id\": \"/subscriptions/x\",\n  \"properties\": { ");

        var run = CliRun.Of("assess", folder.Path);

        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("clusters").GetArrayLength());
        var error = Assert.Single(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.EndsWith("broken.json", error.GetProperty("file").GetString());
        Assert.Contains("line 2", error.GetProperty("message").GetString());
        Assert.Contains("broken.json", run.Stderr);
    }

    [Fact]
    public void Assess_MissingPath_ExitsOneNamingIt()
    {
        var run = CliRun.Of("assess", "/no/such/cluster.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/cluster.json", run.Stderr);
    }

    [Theory]
    [InlineData("101", 1)]
    [InlineData("abc", 1)]
    public void Assess_InvalidFailUnder_IsAUsageError(string value, int expected)
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev.json", Samples.NeglectedAzCli);

        var run = CliRun.Of("assess", file, "--fail-under", value);

        Assert.Equal(expected, run.ExitCode);
        Assert.Contains("--fail-under", run.Stderr);
    }

    [Fact]
    public void Assess_FailUnderAboveScore_ExitsTwo()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev.json", Samples.NeglectedAzCli);
        var score = Overall(CliRun.Of("assess", file));

        var below = CliRun.Of("assess", file, "--fail-under", (score + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var atOrAbove = CliRun.Of("assess", file, "--fail-under", score.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, below.ExitCode);
        Assert.Contains("aks-dev", below.Stderr);
        Assert.Equal(0, atOrAbove.ExitCode);
    }

    [Fact]
    public void Assess_TableFormat_ListsClusterAndFindings()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev.json", Samples.NeglectedAzCli);

        var run = CliRun.Of("assess", file, "--format", "table");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aks-dev", run.Stdout);
        Assert.Contains("FAIL  AKS-SEC-07", run.Stdout);
    }

    [Fact]
    public void Assess_OutputOption_WritesFile()
    {
        using var folder = new TempFolder();
        var file = folder.Write("dev.json", Samples.NeglectedAzCli);
        var report = Path.Combine(folder.Path, "report.out");

        var run = CliRun.Of("assess", file, "--output", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(1, doc.RootElement.GetProperty("clusters").GetArrayLength());
    }

    private static double Overall(CliRun run)
    {
        using var doc = JsonDocument.Parse(run.Stdout);
        return doc.RootElement.GetProperty("clusters")[0].GetProperty("scores").GetProperty("overall").GetDouble();
    }
}
