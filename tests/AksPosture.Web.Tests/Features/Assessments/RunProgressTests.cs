using AksPosture.Web.Features.Assessments;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Assessments;

public sealed class RunProgressTests : BunitContext
{
    public RunProgressTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Progress_QueuedRunCollectingFromAzure_ShowsClustersCollectedOfTheInventory()
    {
        var cut = Render<RunProgress>(p => p.Add(c => c.Run, Run("queued", total: 24, assessed: 0, collected: 9)));

        Assert.Equal("collecting from Azure: 9 of 24", cut.Find("[data-progress=collecting]").TextContent.Trim());
    }

    [Fact]
    public void Progress_RunningAfterCollection_ShowsClustersAssessedOfTotal()
    {
        var cut = Render<RunProgress>(p => p.Add(c => c.Run, Run("running", total: 24, assessed: 10, collected: 24)));

        Assert.Empty(cut.FindAll("[data-progress=collecting]"));
        Assert.Contains("10 of 24", cut.Markup);
    }

    private static RunView Run(string status, int total, int assessed, int? collected) => new(
        Guid.NewGuid(), status, RunService.ManualTrigger, "fleet", null, DateTimeOffset.UnixEpoch, null, null,
        total, assessed, 0, collected, "2026.11", "1", null);
}
