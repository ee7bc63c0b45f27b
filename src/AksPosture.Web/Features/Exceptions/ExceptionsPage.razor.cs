using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AksPosture.Web.Features.Exceptions;

public sealed partial class ExceptionsPage
{
    [Inject]
    public required ExceptionQueries Queries { get; set; }

    [Inject]
    public required ExceptionService Exceptions { get; set; }

    protected override async Task<(IReadOnlyList<ExceptionView> Items, int Total)> LoadPageAsync(
        PortalUser user, string state, int page, int pageSize, CancellationToken cancellationToken)
    {
        var result = await Queries.ListAsync(user, new ExceptionFilter(EnumKeys.Parse<ExceptionListState>(state)), page, pageSize, cancellationToken);
        return (result.Items, result.Total);
    }

    private bool CanDecide(ExceptionView exception) =>
        exception.State == "pending" && User is { } user && user.HasAtLeast(PortalRoles.Approver) && exception.RequestedById != user.Id;

    private bool CanRevoke(ExceptionView exception) =>
        exception.State is "pending" or "active" && User is { } user && (exception.RequestedById == user.Id || user.HasAtLeast(PortalRoles.Approver));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private Task RequestAsync() =>
        FormAsync<RequestExceptionDialog>(
            "Request an exception", new DialogParameters<RequestExceptionDialog> { { d => d.User, User! } },
            "Exception requested: an Approver other than you decides.", thenShow: "pending");

    private async Task ApproveAsync(ExceptionView exception) =>
        await ReportAsync((await Exceptions.ApproveAsync(User!, exception.Id, null, CancellationToken.None)).Problem, $"Exception for {exception.RuleId} approved.");

    private async Task RejectAsync(ExceptionView exception)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Reject the exception", "Why (the requester sees this)", "Reject") is { } comment)
        {
            await ReportAsync((await Exceptions.RejectAsync(User!, exception.Id, comment, CancellationToken.None)).Problem, $"Exception for {exception.RuleId} rejected.");
        }
    }

    private async Task RevokeAsync(ExceptionView exception)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Revoke the exception", "Why it no longer holds", "Revoke") is { } reason)
        {
            await ReportAsync((await Exceptions.RevokeAsync(User!, exception.Id, reason, CancellationToken.None)).Problem, $"Exception for {exception.RuleId} revoked.");
        }
    }
}
