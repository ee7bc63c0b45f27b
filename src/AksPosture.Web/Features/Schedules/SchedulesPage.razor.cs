using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AksPosture.Web.Features.Schedules;

public sealed partial class SchedulesPage
{
    private IReadOnlyList<ScheduleView>? _schedules;
    private ScheduleView? _editing;
    private PortalUser? _user;
    private bool _canChange;

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Inject]
    public required ScheduleService Schedules { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthenticationState).User);
        _canChange = _user.IsAdmin;
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _schedules = await Schedules.ListAsync(CancellationToken.None);

    private void Edit(ScheduleView schedule) => _editing = schedule;

    private async Task SavedAsync(ScheduleView saved)
    {
        Snackbar.Add($"Schedule '{saved.Name}' saved.", Severity.Success);
        _editing = null;
        await ReloadAsync();
    }

    private async Task TogglePausedAsync(ScheduleView schedule)
    {
        await Schedules.SetPausedAsync(_user!, schedule.Id, !schedule.Paused, CancellationToken.None);
        Snackbar.Add($"Schedule '{schedule.Name}' {(schedule.Paused ? "resumed" : "paused")}.", Severity.Info);
        await ReloadAsync();
    }

    private async Task DeleteAsync(ScheduleView schedule)
    {
        await Schedules.DeleteAsync(_user!, schedule.Id, CancellationToken.None);
        Snackbar.Add($"Schedule '{schedule.Name}' deleted.", Severity.Info);
        await ReloadAsync();
    }
}
