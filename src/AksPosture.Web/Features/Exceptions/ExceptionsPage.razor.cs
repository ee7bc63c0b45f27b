using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AksPosture.Web.Features.Exceptions;

public sealed partial class ExceptionsPage
{
    private MudTable<ExceptionView>? _table;
    private PortalUser? _user;
    private string _state = "active";

    [Inject]
    public required ExceptionQueries Queries { get; set; }

    [Inject]
    public required ExceptionService Exceptions { get; set; }

    [Inject]
    public required IDialogService Dialogs { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    [Inject]
    public required IOptions<GovernanceOptions> Options { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private int ExpiringWithinDays => Options.Value.ExpiringWithinDays;

    protected override async Task OnInitializedAsync() => _user = await CurrentUser.FromAsync(Authentication);

    private async Task<TableData<ExceptionView>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var filter = new ExceptionFilter(EnumKeys.Parse<ExceptionListState>(_state));
        var page = await Queries.ListAsync(_user ?? await CurrentUser.FromAsync(Authentication), filter, state.Page + 1, state.PageSize, cancellationToken);
        return new TableData<ExceptionView> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task StateChangedAsync(string state)
    {
        _state = state;
        await ReloadAsync();
    }

    private bool CanDecide(ExceptionView exception) =>
        exception.State == "pending" && _user is { } user && user.HasAtLeast(PortalRoles.Approver) && exception.RequestedById != user.Id;

    private bool CanRevoke(ExceptionView exception) =>
        exception.State is "pending" or "active" && _user is { } user && (exception.RequestedById == user.Id || user.HasAtLeast(PortalRoles.Approver));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private async Task RequestAsync()
    {
        var parameters = new DialogParameters<RequestExceptionDialog> { { d => d.User, _user! } };
        var dialog = await Dialogs.ShowAsync<RequestExceptionDialog>("Request an exception", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Exception requested: an Approver other than you decides.", Severity.Success);
            _state = "pending";
            await ReloadAsync();
        }
    }

    private Task ApproveAsync(ExceptionView exception) =>
        ActAsync(Exceptions.ApproveAsync(_user!, exception.Id, null, CancellationToken.None), $"Exception for {exception.RuleId} approved.");

    private async Task RejectAsync(ExceptionView exception)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Reject the exception", "Why (the requester sees this)", "Reject") is { } comment)
        {
            await ActAsync(Exceptions.RejectAsync(_user!, exception.Id, comment, CancellationToken.None), $"Exception for {exception.RuleId} rejected.");
        }
    }

    private async Task RevokeAsync(ExceptionView exception)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Revoke the exception", "Why it no longer holds", "Revoke") is { } reason)
        {
            await ActAsync(Exceptions.RevokeAsync(_user!, exception.Id, reason, CancellationToken.None), $"Exception for {exception.RuleId} revoked.");
        }
    }

    private async Task ActAsync(Task<GovernanceResult<ExceptionView>> action, string done)
    {
        var result = await action;
        Snackbar.Add(result.Problem?.Detail ?? done, result.Problem is null ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}
