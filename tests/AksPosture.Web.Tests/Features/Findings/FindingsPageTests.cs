using System.Security.Claims;
using AksPosture.Web.Components.Shared;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;
using AksPosture.Web.Tests.Infrastructure;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AksPosture.Web.Tests.Infrastructure.ClusterDocuments;

namespace AksPosture.Web.Tests.Features.Findings;

/// <summary>
/// The findings explorer against a test portal's database: the prerender serves the first page of rows and hands it to
/// the interactive render, which shows it without reading it again.
/// </summary>
public sealed class FindingsPageTests(PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private static readonly RendererInfo Prerender = new("Static", isInteractive: false);
    private static readonly RendererInfo Interactive = new("Server", isInteractive: true);

    private readonly string _subscription = RunDriver.NewSubscription();

    public async Task InitializeAsync() =>
        await portal.ImportAsync(
            InSubscription(_subscription, "aks-explorer-a", AllowLocalAccounts),
            InSubscription(_subscription, "aks-explorer-b", FreeTier),
            InSubscription(_subscription, "aks-explorer-c"));

    public Task DisposeAsync() => Task.CompletedTask;

    private string Address => $"/findings?subscriptionId={_subscription}";

    [Fact]
    public async Task Prerender_FirstPageOfTheAddressesFilter_IsInTheHtmlWithoutAPagerCountingOnlyIt()
    {
        var expected = await FirstPageAsync(Address);
        await using var page = new PageUnderTest(portal, Address);

        var cut = page.Render(Prerender);

        cut.WaitForAssertion(() => Assert.Equal(RuleIds(expected), RowRules(cut)));
        Assert.Equal(1, page.Reads);
        Assert.NotNull(cut.Instance.PrerenderTicket);
        Assert.Equal("", PagerCaption(cut));
    }

    [Fact]
    public async Task Interactive_TicketOfThePrerender_ShowsTheSamePageWithTheTrueTotalWithoutReadingAgain()
    {
        var expected = await FirstPageAsync(Address);
        await using var page = new PageUnderTest(portal, Address);
        await page.PrerenderAsync();

        var cut = page.Render(Interactive);

        cut.WaitForAssertion(() => Assert.Contains($"of {expected.Total}", PagerCaption(cut)));
        Assert.Equal(RuleIds(expected), RowRules(cut));
        Assert.Equal(1, page.Reads);
        Assert.Null(cut.Instance.PrerenderTicket);
    }

    [Fact]
    public async Task Interactive_SortAfterTheHandover_ReadsTheSortedPage()
    {
        var expected = await FirstPageAsync(Address, new FindingSort(FindingSortField.RuleId, Descending: false));
        await using var page = new PageUnderTest(portal, Address);
        await page.PrerenderAsync();
        var cut = page.Render(Interactive);
        cut.WaitForAssertion(() => Assert.Contains(" of ", PagerCaption(cut)));

        await cut.InvokeAsync(() => cut.FindAll("th").Single(h => h.TextContent.Contains("Rule")).QuerySelector(".sort-direction-icon")!.Click());

        cut.WaitForAssertion(() => Assert.Equal(RuleIds(expected), RowRules(cut)));
        Assert.True(page.Reads > 1, "the sorted page is read, not handed over");
    }

    [Fact]
    public async Task Interactive_TicketForAnotherAddress_ReadsTheRowsOfItsOwnAddress()
    {
        var other = $"{Address}&severity=high";
        var expected = await FirstPageAsync(other);
        await using var page = new PageUnderTest(portal, Address);
        await page.PrerenderAsync();

        page.NavigateTo(other);
        var cut = page.Render(Interactive);

        cut.WaitForAssertion(() => Assert.Equal(2, page.Reads));
        cut.WaitForAssertion(() => Assert.Equal(RuleIds(expected), RowRules(cut)));
        Assert.NotEmpty(expected.Items);
        Assert.All(expected.Items, f => Assert.Equal("high", f.Severity, ignoreCase: true));
    }

    [Fact]
    public async Task Interactive_TicketOfAnotherUser_ReadsAgain()
    {
        var expected = await FirstPageAsync(Address);
        await using var page = new PageUnderTest(portal, Address);
        await page.PrerenderAsync();

        page.SignInAs("another-admin");
        var cut = page.Render(Interactive);

        cut.WaitForAssertion(() => Assert.Equal(2, page.Reads));
        cut.WaitForAssertion(() => Assert.Equal(RuleIds(expected), RowRules(cut)));
    }

    private static List<string> RuleIds(FindingPage page) => page.Items.Select(f => f.RuleId).ToList();

    private static List<string> RowRules(IRenderedComponent<FindingsPage> cut) =>
        cut.FindAll("[data-testid=row-rule]").Select(e => e.TextContent.Trim()).ToList();

    private static string PagerCaption(IRenderedComponent<FindingsPage> cut) =>
        string.Join(' ', cut.FindAll(".mud-table-pagination-caption").Select(e => e.TextContent.Trim()));

    private async Task<FindingPage> FirstPageAsync(string address, FindingSort? sort = null)
    {
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), address).Query);
        var (filter, problems) = FindingFilterParameters.From(n => query.TryGetValue(n, out var v) ? v.ToString() : null).Parse(PortalUser.System);
        Assert.Empty(problems);
        return await portal.Service<FindingQueries>().ListAsync(PortalUser.System, filter!, sort ?? FindingSort.Default, 1, 25, CancellationToken.None);
    }

    /// <summary>
    /// The page in one bUnit context: rendered first as the prerender and then as the interactive render, sharing the
    /// handoff and the persisted component state the way a browser tab's two renders do; the finding reads are counted.
    /// </summary>
    private sealed class PageUnderTest : IAsyncDisposable
    {
        private readonly BunitContext _context;
        private readonly CountingDbFactory _findingsDb;
        private readonly BunitAuthorizationContext _authorization;

        public PageUnderTest(PortalFixture portal, string address)
        {
            _findingsDb = new CountingDbFactory(portal.Service<IDbContextFactory<AppDbContext>>());
            _context = PageContext.For(portal, (services, p) => services
                .AddSingleton(new FindingQueries(_findingsDb, p.Service<TimeProvider>()))
                .AddSingleton(p.Service<RemediationService>())
                .AddSingleton(p.Service<IDbContextFactory<AppDbContext>>())
                .AddSingleton<PrerenderHandoff>()
                .AddSupplyValueFromPersistentComponentStateProvider(), out _authorization);
            _context.AddBunitPersistentComponentState();
            NavigateTo(address);
        }

        // FindingQueries.ListAsync reads a page and its total on two connections at once.
        private const int ConnectionsPerRead = 2;

        /// <summary>How many times the page read findings.</summary>
        public int Reads => _findingsDb.Created / ConnectionsPerRead;

        public IRenderedComponent<FindingsPage> Render(RendererInfo rendererInfo)
        {
            _context.SetRendererInfo(rendererInfo);
            return _context.Render<FindingsPage>();
        }

        /// <summary>
        /// Prerenders the page and does what the server does then: persists the components' state into the page, lets the
        /// prerendered components go, and restores the state for the interactive render. (bUnit's own
        /// <c>TriggerOnPersisting</c> does not wait for the persisting before it restores.)
        /// </summary>
        public async Task PrerenderAsync()
        {
            var prerendered = Render(Prerender);
            prerendered.WaitForAssertion(() => Assert.NotNull(prerendered.Instance.PrerenderTicket));
            var manager = _context.Services.GetRequiredService<ComponentStatePersistenceManager>();
            var store = new MemoryStateStore();
            await manager.PersistStateAsync(store, _context.Renderer);
            await _context.DisposeComponentsAsync();
            await manager.RestoreStateAsync(store);
        }

        public void NavigateTo(string address) => _context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        public void SignInAs(string id) => _authorization.SetClaims(new Claim("oid", id));

        public ValueTask DisposeAsync() => _context.DisposeAsync();
    }

    private sealed class MemoryStateStore : IPersistentComponentStateStore
    {
        private IDictionary<string, byte[]> _state = new Dictionary<string, byte[]>();

        public Task<IDictionary<string, byte[]>> GetPersistedStateAsync() => Task.FromResult(_state);

        public Task PersistStateAsync(IReadOnlyDictionary<string, byte[]> state)
        {
            _state = state.ToDictionary();
            return Task.CompletedTask;
        }
    }

    private sealed class CountingDbFactory(IDbContextFactory<AppDbContext> inner) : IDbContextFactory<AppDbContext>
    {
        private int _created;

        public int Created => _created;

        public AppDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateDbContext();
        }

        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _created);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
