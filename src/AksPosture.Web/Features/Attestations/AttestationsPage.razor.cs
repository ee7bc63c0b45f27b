using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Governance;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AksPosture.Web.Features.Attestations;

public sealed partial class AttestationsPage
{
    [Inject]
    public required AttestationQueries Queries { get; set; }

    [Inject]
    public required AttestationService Attestations { get; set; }

    protected override async Task<(IReadOnlyList<AttestationView> Items, int Total)> LoadPageAsync(
        PortalUser user, string state, int page, int pageSize, CancellationToken cancellationToken)
    {
        var result = await Queries.ListAsync(user, new AttestationFilter(EnumKeys.Parse<AttestationListState>(state)), page, pageSize, cancellationToken);
        return (result.Items, result.Total);
    }

    private bool CanRevoke(AttestationView attestation) =>
        attestation.State == "active" && User is { } user && (attestation.RecordedById == user.Id || user.HasAtLeast(PortalRoles.Approver));

    private Task RecordAsync() =>
        FormAsync<AttestDialog>(
            "Record an attestation", new DialogParameters<AttestDialog> { { d => d.User, User! } },
            "Attestation recorded: it counts in the adjusted score until it expires.", thenShow: "active");

    private async Task RevokeAsync(AttestationView attestation)
    {
        if (await CommentDialog.AskAsync(Dialogs, "Revoke the attestation", "Why it no longer holds", "Revoke") is { } reason)
        {
            var result = await Attestations.RevokeAsync(User!, attestation.Id, reason, CancellationToken.None);
            await ReportAsync(result.Problem, $"Attestation of {attestation.RuleId} on {attestation.ClusterName} revoked.");
        }
    }
}
