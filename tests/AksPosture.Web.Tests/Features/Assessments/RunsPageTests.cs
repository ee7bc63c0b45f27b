using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Assessments;

/// <summary>The Runs page against a test portal's database: the list with live progress, and starting a run.</summary>
public sealed class RunsPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task RunsPage_ImportAndQueuedRun_ListsBothNewestFirstWithTheirStatus()
    {
        var subscription = RunDriver.NewSubscription();
        portal.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await portal.ImportAsync(InSubscription(subscription, "aks-runs-page"));
        portal.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await portal.QueueAsync($"subscription:{subscription}");
        await using var context = NewContext();

        var cut = context.Render<RunsPage>();

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("tbody tr").Select(r => r.TextContent).ToList();
            var queuedRow = rows.FindIndex(r => r.Contains($"subscription:{subscription}"));
            Assert.True(queuedRow >= 0, "the queued run is listed");
            Assert.Contains("queued", rows[queuedRow]);
            Assert.Contains("import", rows[queuedRow + 1]);
            Assert.Contains("succeeded", rows[queuedRow + 1]);
        });
    }

    [Fact]
    public async Task StartRun_ValidScope_QueuesItOnceAndSaysSoThenWarnsWhileItIsGoing()
    {
        var scope = $"subscription:{RunDriver.NewSubscription()}";
        await using var context = NewContext();
        var cut = context.Render<RunsPage>();

        await cut.ChangeFieldAsync("Scope", scope);
        await cut.ClickButtonAsync("Start run");
        await cut.ClickButtonAsync("Start run");

        Assert.Equal([$"Run of {scope} queued."], context.Snackbars().Take(1));
        Assert.Contains("is already going", context.Snackbars().Last());
        await using var db = await portal.CreateDbAsync();
        Assert.Equal(1, await db.AssessmentRuns.CountAsync(r => r.Scope == scope));
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("tbody tr"), r => r.TextContent.Contains(scope) && r.TextContent.Contains("queued")));
    }

    [Fact]
    public async Task StartRun_UnknownScope_SaysWhatAScopeLooksLikeAndStartsNothing()
    {
        await using var context = NewContext();
        var cut = context.Render<RunsPage>();
        await using var db = await portal.CreateDbAsync();
        var before = await db.AssessmentRuns.CountAsync();

        await cut.ChangeFieldAsync("Scope", "everything please");
        await cut.ClickButtonAsync("Start run");

        Assert.Equal([$"'everything please' is not a scope: use {RunScope.Grammar}."], context.Snackbars());
        Assert.Equal(before, await db.AssessmentRuns.CountAsync());
    }

    [Fact]
    public async Task RunProgress_RunningAndFailedRuns_ShowCountsAndTheReason()
    {
        var running = Run("running", total: 10, assessed: 3, failed: 1, error: null);
        var failed = Run("failed", total: 0, assessed: 0, failed: 0, error: "No progress since 09:00 UTC");
        await using var context = NewContext();

        var runningCut = context.Render<RunProgress>(p => p.Add(c => c.Run, running));
        var failedCut = context.Render<RunProgress>(p => p.Add(c => c.Run, failed));

        Assert.Equal("4 of 10 (1 failed)", runningCut.Find(".mud-typography-caption").TextContent.Trim());
        Assert.Equal("40", runningCut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Equal("No progress since 09:00 UTC", failedCut.Find(".mud-typography-caption").TextContent.Trim());
    }

    private static RunView Run(string status, int total, int assessed, int failed, string? error) => new(
        Guid.NewGuid(), status, "manual", "fleet", null, DateTimeOffset.UtcNow, null, null, total, assessed, failed, null, "1", "1", error);

    private BunitContext NewContext() => PageContext.For(portal, (services, p) => services.AddSingleton(p.Service<RunService>()).AddSingleton(p.Service<TeamAccess>()));
}
