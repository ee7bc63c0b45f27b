using AksPosture.Web.Components.Shared;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Remediation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace AksPosture.Web.Features.Findings;

public sealed partial class FindingsPage
{
    // 25 rows a page to start with, about what the first screen shows: 50 rows of this grid took longer to draw than to query.
    private const int FirstPageSize = 25;

    private MudDataGrid<FindingView>? _grid;
    private FindingFilterParameters _parameters = new();
    private FindingFilter? _filter = FindingFilter.None;
    private FindingSort _sort = FindingSort.Default;
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyList<TeamOption> _teams = [];
    private HashSet<FindingView> _selected = [];
    private PortalUser _user = PortalUser.System;
    private int _total;
    private bool _canEdit;
    private bool _drawerOpen;
    private FindingKey? _openKey;

    // The first page as the prerender read it, shown as the grid's Items until the grid reads server data.
    private FindingPage? _firstPage;

    // The first page once the grid reads server data: its first read for the same state takes it instead of querying.
    private FindingPage? _handedOver;

    private bool _initialized;

    // Whether the grid reads server data (for sorting and paging); it can only once interactive.
    private bool _live;

    // Whether the grid shows rows that were read; until then it says neither "no findings" nor a total of 0.
    private bool _rowsRead;

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Inject]
    public required FindingQueries Findings { get; set; }

    [Inject]
    public required RemediationService Remediation { get; set; }

    [Inject]
    public required IDbContextFactory<AppDbContext> DbFactory { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    [Inject]
    public required PrerenderHandoff Handoff { get; set; }

    /// <summary>Set while prerendering: where the interactive render finds the first page the prerender read.</summary>
    [PersistentState]
    public string? PrerenderTicket { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthenticationState).User);
        _canEdit = _user.HasAtLeast(PortalRoles.Contributor);

        // The address bar carries the filter, so a filtered view can be bookmarked or linked to (e.g. ?overdue=true).
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        _parameters = FindingFilterParameters.From(name => query.TryGetValue(name, out var value) ? value.ToString() : null);
        Parse();

        // The prerender reads the first page (on a connection of its own, alongside the teams) so the served page shows
        // rows; the interactive render takes that page instead of reading it again.
        var teams = ListTeamsAsync();
        _firstPage = Handoff.Take<FindingPage>(PrerenderTicket, _user.Id, Navigation.Uri)
                     ?? (RendererInfo.IsInteractive ? null : await ReadPageAsync(FindingSort.Default, 1, FirstPageSize, CancellationToken.None));
        PrerenderTicket = RendererInfo.IsInteractive || _firstPage is null ? null : Handoff.Keep(_user.Id, Navigation.Uri, _firstPage);
        _total = _firstPage?.Total ?? 0;
        _rowsRead = _firstPage is not null;
        _teams = await teams;
        _initialized = true;
    }

    // The grid starts with Items (the prerendered page, or none) and is switched to server data right after the first
    // interactive render that knows what the prerender handed over, so no round trip passes with an empty grid.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_live || !_initialized || !RendererInfo.IsInteractive)
        {
            return;
        }

        (_handedOver, _firstPage, _live, _rowsRead) = (_firstPage, null, true, false);
        StateHasChanged();

        // The grid takes its ServerData parameter in that render, which a renderer may run only after this callback yields.
        await Task.Yield();
        await _grid!.ReloadServerData();
    }

    private IEnumerable<FindingView>? GridItems => _live ? null : _firstPage?.Items ?? [];

    private Func<GridState<FindingView>, CancellationToken, Task<GridData<FindingView>>>? GridServerData => _live ? LoadAsync : null;

    private async Task<IReadOnlyList<TeamOption>> ListTeamsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await VisibleTeams.ListAsync(db, _user, CancellationToken.None);
    }

    private async Task<GridData<FindingView>> LoadAsync(GridState<FindingView> state, CancellationToken cancellationToken)
    {
        var sortBy = state.SortDefinitions.FirstOrDefault();
        _sort = sortBy is not null && FindingSort.TryParse(sortBy.SortBy, out var sort) ? sort with { Descending = sortBy.Descending } : FindingSort.Default;
        var page = TakeHandedOver(state) ?? await ReadPageAsync(_sort, state.Page + 1, state.PageSize, cancellationToken);
        (_total, _rowsRead) = (page.Total, true);
        return new GridData<FindingView> { Items = page.Items, TotalItems = page.Total };
    }

    // A filter that does not parse selects nothing; the problems above the grid say what to fix.
    private async Task<FindingPage> ReadPageAsync(FindingSort sort, int page, int pageSize, CancellationToken cancellationToken) => _filter is null
        ? new FindingPage([], page, pageSize, 0)
        : await Findings.ListAsync(_user, _filter, sort, page, pageSize, cancellationToken);

    private FindingPage? TakeHandedOver(GridState<FindingView> state)
    {
        var page = _handedOver;
        _handedOver = null;
        return page is not null && state.Page == 0 && state.PageSize == page.PageSize && _sort == FindingSort.Default ? page : null;
    }

    private async Task FilterChangedAsync(FindingFilterParameters parameters)
    {
        _parameters = parameters;
        Parse();
        var query = parameters.ToQueryString();
        Navigation.NavigateTo(query.Length == 0 ? "/findings" : $"/findings?{query}", replace: true);
        await ReloadAsync();
    }

    private void Parse()
    {
        var (filter, problems) = _parameters.Parse(_user);
        (_filter, _problems) = (filter, problems);
    }

    private string ExportUrl(string format)
    {
        var query = _parameters.ToQueryString();
        return $"/api/v1/findings/export?format={format}&sort={Uri.EscapeDataString(_sort.ToString())}" + (query.Length == 0 ? "" : "&" + query);
    }

    // MudButton takes extra attributes only through UserAttributes once it is given any.
    private static Dictionary<string, object?> DownloadAttributes(string format) => new() { ["download"] = "", ["data-testid"] = $"export-{format}" };

    private async Task ApplyBulkAsync(BulkAction action)
    {
        if (_filter is null)
        {
            return;
        }

        var (result, problem, selected) = action.AllMatching
            ? await Remediation.ApplyAsync(_user, _filter, action.Change, CancellationToken.None)
            : await Remediation.ApplyAsync(_user, _selected.Select(f => FindingKey.TryParse(f.Key, out var key) ? key : default).ToList(), action.Change, CancellationToken.None);
        switch (problem)
        {
            case RemediationProblem.TooMany:
                Snackbar.Add($"That is {selected:N0} findings; one change takes at most {RemediationService.MaxFindingsPerChange:N0}. Narrow the filter.", Severity.Error);
                return;
            case RemediationProblem.Conflict:
                Snackbar.Add("Someone changed some of these findings at the same moment; apply the change again.", Severity.Warning);
                return;
            default:
                Snackbar.Add($"Changed {result!.Changed:N0} of {result.Matched:N0} finding(s).", Severity.Success);
                _selected = [];
                await ReloadAsync();
                return;
        }
    }

    private void OpenAsync(DataGridRowClickEventArgs<FindingView> args)
    {
        _openKey = FindingKey.TryParse(args.Item.Key, out var key) ? key : null;
        _drawerOpen = _openKey is not null;
    }

    // An explicit reload follows a change (filter, bulk change, an edit in the drawer): the handed-over page is out of date.
    private Task ReloadAsync()
    {
        _handedOver = null;
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }
}
