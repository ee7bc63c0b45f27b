using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AksPosture.Web.Features.Attestations;

public sealed partial class AttestationsPage
{
    private MudTable<AttestationView>? _table;
    private PortalUser? _user;
    private string _state = "active";

    [Inject]
    public required AttestationQueries Queries { get; set; }

    [Inject]
    public required AttestationService Attestations { get; set; }

    [Inject]
    public required IDialogService Dialogs { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    [Inject]
    public required IOptions<GovernanceOptions> Options { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnInitializedAsync() => _user = await CurrentUser.FromAsync(Authentication);

    private async Task<TableData<AttestationView>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var filter = new AttestationFilter(EnumKeys.Parse<AttestationListState>(_state));
        var page = await Queries.ListAsync(_user ?? await CurrentUser.FromAsync(Authentication), filter, state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<AttestationView> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task StateChangedAsync(string state)
    {
        _state = state;
        await ReloadAsync();
    }

    private bool CanRevoke(AttestationView attestation) =>
        attestation.State == "active" && _user is { } user && (attestation.RecordedById == user.Id || user.HasAtLeast(PortalRoles.Approver));

    private async Task RecordAsync()
    {
        var parameters = new DialogParameters<AttestDialog> { { d => d.User, _user! } };
        var dialog = await Dialogs.ShowAsync<AttestDialog>("Record an attestation", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Attestation recorded: it counts in the adjusted score until it expires.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task RevokeAsync(AttestationView attestation)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Revoke the attestation", "Why it no longer holds", "Revoke") is not { } reason)
        {
            return;
        }

        var result = await Attestations.RevokeAsync(_user!, attestation.Id, reason, CancellationToken.None);
        Snackbar.Add(result.Problem?.Detail ?? $"Attestation of {attestation.RuleId} on {attestation.ClusterName} revoked.", result.Problem is null ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
