using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AksPosture.Web.Features.Governance;

/// <summary>
/// What the exceptions and attestations pages share: the user, a list state chosen by a toggle, a table paged on the
/// server, form dialogs and reporting an action's outcome.
/// </summary>
public abstract class GovernanceListPage<TItem> : ComponentBase
{
    [Inject]
    public required IDialogService Dialogs { get; set; }

    [Inject]
    public required ISnackbar Snackbar { get; set; }

    [Inject]
    public required IOptions<GovernanceOptions> Options { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected MudTable<TItem>? Table { get; set; }

    protected PortalUser? User { get; private set; }

    /// <summary>The list state key shown (<c>active</c>, <c>pending</c>, <c>expiring</c>, <c>closed</c>, <c>all</c>).</summary>
    protected string State { get; private set; } = "active";

    protected override async Task OnInitializedAsync() => User = await CurrentUser.FromAsync(Authentication);

    /// <summary>One page of the list (counting from 1) and the total.</summary>
    protected abstract Task<(IReadOnlyList<TItem> Items, int Total)> LoadPageAsync(PortalUser user, string state, int page, int pageSize, CancellationToken cancellationToken);

    protected async Task<TableData<TItem>> LoadAsync(TableState table, CancellationToken cancellationToken)
    {
        var (items, total) = await LoadPageAsync(User ?? await CurrentUser.FromAsync(Authentication), State, table.Page + 1, table.PageSize, cancellationToken);
        return new TableData<TItem> { Items = items, TotalItems = total };
    }

    protected async Task StateChangedAsync(string state)
    {
        State = state;
        await ReloadAsync();
    }

    /// <summary>Opens a form dialog; when it is completed, reports <paramref name="done"/> and shows <paramref name="thenShow"/>.</summary>
    protected async Task FormAsync<TDialog>(string title, DialogParameters parameters, string done, string thenShow)
        where TDialog : IComponent
    {
        if (await Dialogs.ShowFormAsync<TDialog>(title, parameters))
        {
            Snackbar.Add(done, Severity.Success);
            await StateChangedAsync(thenShow);
        }
    }

    /// <summary>Reports what an action did, or why it was refused, and refreshes the list.</summary>
    protected async Task ReportAsync(GovernanceProblem? problem, string done)
    {
        Snackbar.Add(problem?.Detail ?? done, problem is null ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private Task ReloadAsync() => Table?.ReloadServerData() ?? Task.CompletedTask;
}

public static class GovernanceDialogs
{
    /// <summary>Shows a form dialog; true when it was completed rather than cancelled.</summary>
    public static async Task<bool> ShowFormAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters parameters)
        where TDialog : IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }
}
