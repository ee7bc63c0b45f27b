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

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthenticationState).User);
        _canEdit = _user.HasAtLeast(PortalRoles.Contributor);
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _teams = await VisibleTeams.ListAsync(db, _user, CancellationToken.None);
        }

        // The address bar carries the filter, so a filtered view can be bookmarked or linked to (e.g. ?overdue=true).
        var query = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query);
        _parameters = FindingFilterParameters.From(name => query.TryGetValue(name, out var value) ? value.ToString() : null);
        Parse();
    }

    private async Task<GridData<FindingView>> LoadAsync(GridState<FindingView> state, CancellationToken cancellationToken)
    {
        var sortBy = state.SortDefinitions.FirstOrDefault();
        _sort = sortBy is not null && FindingSort.TryParse(sortBy.SortBy, out var sort) ? sort with { Descending = sortBy.Descending } : FindingSort.Default;
        if (_filter is null)
        {
            _total = 0;
            return new GridData<FindingView> { Items = [], TotalItems = 0 };
        }

        var page = await Findings.ListAsync(_user, _filter, _sort, state.Page + 1, state.PageSize, cancellationToken);
        _total = page.Total;
        return new GridData<FindingView> { Items = page.Items, TotalItems = page.Total };
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

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;
}
