using System.Text.Json;
using AksPosture.AzureEmulator;

namespace AksPosture.Cli.Tests.Assess;

public sealed class LiveAssessTests
{
    [Fact]
    public async Task Assess_AllSubscriptionsFromTheEmulator_PrintsTheFileInputReportWithProgressOnStderr()
    {
        await using var emulator = await AzureEmulatorServer.StartAsync();
        using var folder = new TempFolder();
        var tokenVariable = $"AKSPOSTURE_TEST_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(tokenVariable, "cli-test-token");
        try
        {
            var run = CliRun.Of("assess", "--all-subscriptions", "--arm-endpoint", emulator.BaseUri.AbsoluteUri, "--token-env", tokenVariable,
                "--ca-certificate", emulator.WriteCertificate(folder.Path));

            Assert.Equal(0, run.ExitCode);
            using var report = JsonDocument.Parse(run.Stdout);
            var clusters = report.RootElement.GetProperty("clusters");
            Assert.Equal(24, clusters.GetArrayLength());
            Assert.Empty(report.RootElement.GetProperty("errors").EnumerateArray());
            Assert.All(clusters.EnumerateArray(), c => Assert.True(c.GetProperty("results").GetArrayLength() > 0));
            Assert.Contains(clusters.EnumerateArray().SelectMany(c => c.GetProperty("results").EnumerateArray()),
                r => r.GetProperty("ruleId").GetString() == "AKS-ADV-01" && r.GetProperty("status").GetString() is "PASS" or "WARN" or "FAIL");
            Assert.Contains("inventory: 24 cluster(s)", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("without Kubernetes objects", run.Stderr, StringComparison.Ordinal);
            Assert.True(emulator.Log.Count(CallKind.DiagnosticSettings) == 24);
        }
        finally
        {
            Environment.SetEnvironmentVariable(tokenVariable, null);
        }
    }

    [Fact]
    public async Task Assess_RepeatedSubscription_ReadsOnlyThoseSubscriptions()
    {
        await using var emulator = await AzureEmulatorServer.StartAsync(new EmulatorOptions { Clusters = 12, Subscriptions = 4 });
        using var folder = new TempFolder();
        var tokenVariable = $"AKSPOSTURE_TEST_TOKEN_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(tokenVariable, "cli-test-token");
        var (first, second) = (emulator.Fleet.Subscriptions[0].Id, emulator.Fleet.Subscriptions[2].Id);
        try
        {
            var run = CliRun.Of("assess", "--subscription", first, "--subscription", second, "--arm-endpoint", emulator.BaseUri.AbsoluteUri,
                "--token-env", tokenVariable, "--ca-certificate", emulator.WriteCertificate(folder.Path), "--format", "table");

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("6 cluster(s)", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(emulator.Log.Calls, c => c.Path.Contains(emulator.Fleet.Subscriptions[1].Id, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(tokenVariable, null);
        }
    }

    [Fact]
    public void Assess_FilesAndLiveScopeTogether_IsAUsageError()
    {
        var run = CliRun.Of("assess", "cluster.json", "--all-subscriptions");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("either files or live Azure", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_TokenVariableEmpty_FailsNamingTheVariable()
    {
        var run = CliRun.Of("assess", "--all-subscriptions", "--token-env", "AKSPOSTURE_TEST_TOKEN_THAT_IS_NOT_SET");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AKSPOSTURE_TEST_TOKEN_THAT_IS_NOT_SET", run.Stderr, StringComparison.Ordinal);
    }
}
