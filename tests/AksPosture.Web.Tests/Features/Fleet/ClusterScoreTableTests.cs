using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AksPosture.Web.Tests.Features.Fleet;

/// <summary>
/// The overview's cluster list shows the first page the overview already read: in the prerendered HTML, and in the
/// interactive table's first load, without reading it again. Any read of the database fails these tests.
/// </summary>
public sealed class ClusterScoreTableTests : IAsyncLifetime
{
    private readonly CountingFactory _database = new();
    private readonly BunitContext _context = new();

    public ClusterScoreTableTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddSingleton<IDbContextFactory<AppDbContext>>(_database);
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton<TrendQueries>();
        _context.Services.AddSingleton<AggregatedTrends>();
        _context.Services.AddSingleton<PageMemo>();
        _context.Services.AddSingleton<FleetQueries>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    [Fact]
    public void Prerendered_FirstPage_ShowsItsRowsAndTheFleetTotalWithoutReading()
    {
        _context.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderTable(FirstPage(25, total: 10_000));

        Assert.Equal(25, cut.FindAll("[data-testid=cluster-link]").Count);
        Assert.Equal("cluster-00", cut.FindAll("[data-testid=cluster-link]")[0].TextContent.Trim());
        Assert.Contains("1–25 of 10000", cut.Markup);
        Assert.Equal(0, _database.Created);
    }

    [Fact]
    public void Interactive_FirstLoad_TakesTheHandedOverPageAndTheNextPageReads()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = RenderTable(FirstPage(25, total: 60));

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=cluster-link]").Count));
        Assert.Equal(0, _database.Created);
        Assert.Matches(@"1\s*-\s*25 of 60", string.Concat(cut.FindAll(".mud-table-pagination-caption").Select(e => e.TextContent)));

        // The next page is not the one handed over: the table asks the database for it.
        Record.Exception(() => cut.Find("button[aria-label='Next page']").Click());
        cut.WaitForAssertion(() => Assert.Equal(1, _database.Created));
    }

    [Fact]
    public void Interactive_WithoutFirstPage_ReadsTheFirstPage()
    {
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        Record.Exception(() => RenderTable(firstPage: null));

        Assert.Equal(1, _database.Created);
    }

    private IRenderedComponent<ClusterScoreTable> RenderTable(ClusterListPage? firstPage) =>
        _context.Render<ClusterScoreTable>(p => p
            .Add(c => c.User, PortalUser.System)
            .Add(c => c.Filter, ClusterFilter.None)
            .Add(c => c.FirstPage, firstPage));

    private static ClusterListPage FirstPage(int rows, int total) =>
        new(Enumerable.Range(0, rows).Select(i => new ClusterScoreRow(
                Guid.NewGuid(), $"cluster-{i:D2}", "sub", "Subscription", "prod", IsSample: false,
                new PillarScores(PillarNames.All.ToDictionary(p => p, _ => new PillarScore(80, 80, 100)), 80)))
            .ToList(), total);

    // Counts every attempt to open a context, and fails it: these tests have no database.
    private sealed class CountingFactory : IDbContextFactory<AppDbContext>
    {
        public int Created { get; private set; }

        public AppDbContext CreateDbContext()
        {
            Created++;
            throw new InvalidOperationException("No database in this test.");
        }
    }
}
