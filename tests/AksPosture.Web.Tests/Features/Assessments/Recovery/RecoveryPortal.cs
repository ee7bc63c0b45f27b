using System.Diagnostics;
using AksPosture.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AksPosture.Web.Tests.Features.Assessments.Recovery;

/// <summary>
/// How the recovery tests run the portal: two workers, small batches each held open for a second before it commits
/// (Runs:DiagnosticBatchDelay), so there is always a half-written batch to interrupt, and a job of a dead worker
/// picked up again after five seconds instead of five minutes (Jobs:InvisibilityTimeout). Development, for the sample
/// mode's administrator to start runs over the API without an identity provider.
/// </summary>
public static class RecoveryPortal
{
    /// <summary>Recovery tests run one at a time: each runs whole portals, which is load enough for a small machine.</summary>
    public const string Collection = "Recovery";

    public static Task<PortalProcess> StartAsync(string connectionString, bool firstStart) =>
        PortalProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Posture"] = connectionString,
            ["Database__MigrateOnStartup"] = firstStart ? "true" : "false",
            ["SampleFleet__Enabled"] = firstStart ? "true" : "false",
            ["Jobs__Worker"] = "true",
            ["Jobs__WorkerCount"] = "2",
            ["Jobs__PollInterval"] = "00:00:00.200",
            ["Jobs__InvisibilityTimeout"] = "00:00:05",
            ["Runs__BatchSize"] = "3",
            ["Runs__DiagnosticBatchDelay"] = "00:00:01",
        });
}

/// <summary>Prints when each step of a recovery test happened, so a run of the tests shows how long recovery took.</summary>
public sealed class Milestones(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Mark(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
}
