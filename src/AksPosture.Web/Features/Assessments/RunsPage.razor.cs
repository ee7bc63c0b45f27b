using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AksPosture.Web.Features.Assessments;

public sealed partial class RunsPage
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(2);

    private MudDataGrid<RunView>? _grid;
    private string _scope = "fleet";
    private bool _starting;
    private bool _anyActive;
    private Timer? _refresh;

    [Inject]
    public required RunService Runs { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    [Inject]
    public required TeamAccess Access { get; set; }

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    public void Dispose() => _refresh?.Dispose();

    protected override void OnInitialized() =>
        _refresh = new Timer(_ => _ = InvokeAsync(RefreshAsync), null, RefreshEvery, RefreshEvery);

    private async Task<GridData<RunView>> LoadAsync(GridState<RunView> state, CancellationToken cancellationToken)
    {
        var page = await Runs.ListAsync(state.Page + 1, state.PageSize, cancellationToken);
        _anyActive = page.Items.Any(r => r.IsActive);
        return new GridData<RunView> { Items = page.Items, TotalItems = page.Total };
    }

    // Live progress: reload only while a run on the page is queued or running.
    private async Task RefreshAsync()
    {
        if (_anyActive && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task StartAsync()
    {
        if (!RunScope.TryParse(_scope, out var scope))
        {
            Snackbar.Add($"'{_scope}' is not a scope: use {RunScope.Grammar}.", Severity.Error);
            return;
        }

        var user = PortalUser.FromPrincipal((await AuthenticationState).User);
        var refusal = user.HasAtLeast(PortalRoles.Contributor)
            ? await Access.CannotStartAsync(user, scope, CancellationToken.None)
            : "Starting runs needs the Contributor role.";
        if (refusal is not null)
        {
            Snackbar.Add(refusal, Severity.Error);
            return;
        }

        _starting = true;
        try
        {
            var started = await Runs.StartAsync(scope, RunService.ManualTrigger, null, CancellationToken.None);
            if (started.RunId is null)
            {
                Snackbar.Add($"A run of {scope} is already going (run {started.ActiveRunId}); runs of one scope never overlap.", Severity.Warning);
            }
            else
            {
                Snackbar.Add($"Run of {scope} queued.", Severity.Success);
            }

            _anyActive = true;
            await _grid!.ReloadServerData();
        }
        finally
        {
            _starting = false;
        }
    }

    private static Color StatusColour(string status) => status switch
    {
        "succeeded" => Color.Success,
        "partial" => Color.Warning,
        "failed" => Color.Error,
        "running" => Color.Info,
        _ => Color.Default,
    };
}
