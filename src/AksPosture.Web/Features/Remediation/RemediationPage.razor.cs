using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

public sealed partial class RemediationPage
{
    private static readonly int[] Windows = [30, 90, 180, 365];

    private PortalUser _user = PortalUser.System;
    private IReadOnlyList<TeamOption> _teams = [];
    private Guid? _teamId;
    private int _days = RemediationReportsApi.DefaultBurnDownDays;
    private BurnDownGrouping _grouping = BurnDownGrouping.Pillar;
    private RemediationSummary? _summary;
    private BurnDown? _burnDown;
    private IReadOnlyList<MttrRow>? _mttr;
    private bool _loading;

    [CascadingParameter]
    public required Task<AuthenticationState> AuthenticationState { get; set; }

    [Inject]
    public required IDbContextFactory<AppDbContext> DbFactory { get; set; }

    [Inject]
    public required BurnDownQueries BurnDowns { get; set; }

    [Inject]
    public required MttrQueries Mttr { get; set; }

    [Inject]
    public required RemediationSummaryQueries Summaries { get; set; }

    [Inject]
    public required TimeProvider Time { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _user = PortalUser.FromPrincipal((await AuthenticationState).User);
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            _teams = await VisibleTeams.ListAsync(db, _user, CancellationToken.None);
        }

        await LoadAsync();
    }

    private Task TeamChangedAsync(Guid? teamId)
    {
        _teamId = teamId;
        return LoadAsync();
    }

    private Task WindowChangedAsync(int days)
    {
        _days = days;
        return LoadAsync();
    }

    private Task GroupingChangedAsync(BurnDownGrouping grouping)
    {
        _grouping = grouping;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        var filter = new ClusterFilter(TeamId: _teamId);
        var to = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - _days);
        // Each report reads on a connection of its own: the database works on the three at once.
        var summary = Summaries.GetAsync(_user, filter, CancellationToken.None);
        var burnDown = BurnDowns.GetAsync(_user, filter, from, to, _grouping, CancellationToken.None);
        var mttr = Mttr.GetAsync(_user, filter, from, to, CancellationToken.None);
        await Task.WhenAll(summary, burnDown, mttr);
        (_summary, _burnDown, _mttr) = (await summary, await burnDown, await mttr);
        _loading = false;
    }
}
