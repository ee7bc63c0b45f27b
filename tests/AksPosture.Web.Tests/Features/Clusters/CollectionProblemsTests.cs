using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Collection;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Clusters;

public sealed class CollectionProblemsTests : BunitContext
{
    private static readonly DateTimeOffset Collected = new(2026, 11, 2, 9, 15, 0, TimeSpan.Zero);

    public CollectionProblemsTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Problems_EachDataSet_ShowsWhyThePermissionAndWhenItWasLastRead()
    {
        var status = new CollectionStatus(Collected, null,
        [
            new DataSetProblem("diagnosticSettings", "access denied (HTTP 403 AuthorizationFailed)", "Microsoft.Insights/diagnosticSettings/read", Collected.AddDays(-1)),
            new DataSetProblem("kubernetes", "the API server could not be reached", null, null),
        ]);

        var cut = Render<CollectionProblems>(p => p.Add(c => c.Status, status));

        Assert.Equal("Collection problems", cut.Find("h2").TextContent.Trim());
        Assert.Contains("collected from Azure 2026-11-02 09:15 UTC", cut.Find("[data-collected]").TextContent);
        Assert.Equal(
            ["diagnosticSettings", "access denied (HTTP 403 AuthorizationFailed)", "Microsoft.Insights/diagnosticSettings/read", "2026-11-01 09:15 UTC"],
            Cells(cut, "diagnosticSettings"));
        Assert.Equal(["kubernetes", "the API server could not be reached", "—", "—"], Cells(cut, "kubernetes"));
        Assert.Empty(cut.FindAll("[data-failure]"));
    }

    [Fact]
    public void LatestFailure_ClusterNotCollected_SaysWhyAndThatTheEarlierSnapshotIsShown()
    {
        var runId = Guid.NewGuid();
        var status = new CollectionStatus(Collected, new CollectionFailure(Collected.AddHours(3), runId, "Subscription s-1 could not be read from Azure."), []);

        var cut = Render<CollectionProblems>(p => p.Add(c => c.Status, status));

        var failure = cut.Find($"[data-failure='{runId}']");
        Assert.Contains("The run of 2026-11-02 12:15 UTC could not collect this cluster: Subscription s-1 could not be read from Azure.", failure.TextContent);
        Assert.Contains("collected from Azure 2026-11-02 09:15 UTC", cut.Find("[data-collected]").TextContent);
        Assert.Empty(cut.FindAll("tr[data-data-set]"));
    }

    [Fact]
    public void NoProblems_RendersNothing()
    {
        var cut = Render<CollectionProblems>(p => p.Add(c => c.Status, new CollectionStatus(Collected, null, [])));

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public void Problems_ImportedSnapshot_SaysItWasNotCollectedByThePortal()
    {
        var status = new CollectionStatus(null, null, [new DataSetProblem("metrics", "the call failed (HTTP 500)", null, null)]);

        var cut = Render<CollectionProblems>(p => p.Add(c => c.Status, status));

        Assert.Contains("imported, not collected by the portal", cut.Find("[data-collected]").TextContent);
    }

    private static List<string> Cells(IRenderedComponent<CollectionProblems> cut, string dataSet) =>
        cut.Find($"tr[data-data-set='{dataSet}']").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
}
