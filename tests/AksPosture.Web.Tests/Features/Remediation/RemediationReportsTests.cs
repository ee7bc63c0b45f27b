using AksPosture.Web.Features.Teams;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Tests.Features.Remediation;

/// <summary>Burn-down per team and the summary on the sample fleet, as an administrator and as the Payments team's reader.</summary>
public sealed class RemediationReportsTests(SampleFleetPortalFixture portal) : IClassFixture<SampleFleetPortalFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.SampleFleetLoadedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task BurnDownByTeam_Admin_EachTeamEndsAtItsActiveFindings()
    {
        using var client = portal.ClientAs("alex");

        var burnDown = await (await client.GetAsync("/api/v1/remediation/burndown?groupBy=team&from=2026-10-01")).ReadAsync<BurnDownBody>();

        await using var db = await portal.CreateDbAsync();
        var teams = await db.Teams.OrderBy(t => t.Name).ToListAsync();
        Assert.Equal(teams.Select(t => t.Name), burnDown.Series.Select(s => s.Name));
        foreach (var team in teams)
        {
            var active = await client.AllFindingsAsync($"teamId={team.Id}&status=active");
            Assert.Equal(active.Count, burnDown.Series.Single(s => s.Name == team.Name).Active[^1]);
        }

        Assert.Equal(0, burnDown.Series[0].Active[0]);
    }

    [Fact]
    public async Task BurnDownByTeam_OverlappingTeams_CountsASharedClusterForEach()
    {
        using var client = portal.ClientAs("alex");
        Guid overlapsId;
        await using (var db = await portal.CreateDbAsync())
        {
            var subscription = (await db.Clusters.AsNoTracking().ToListAsync()).First(c => c.Tags.GetValueOrDefault("team") == "payments").SubscriptionId;
            var team = new Team { Id = Guid.NewGuid(), Name = "Overlaps payments", SubscriptionIds = [subscription], EntraGroupIds = [Guid.NewGuid().ToString()] };
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            overlapsId = team.Id;
        }

        var burnDown = await (await client.GetAsync("/api/v1/remediation/burndown?groupBy=team")).ReadAsync<BurnDownBody>();

        var overlapping = await client.AllFindingsAsync($"teamId={overlapsId}&status=active");
        var payments = await client.AllFindingsAsync("tag=team=payments&status=active");
        Assert.Contains(overlapping, f => payments.Any(p => p.Key == f.Key));
        Assert.Equal(overlapping.Count, burnDown.Series.Single(s => s.Name == "Overlaps payments").Active[^1]);
        Assert.Equal(payments.Count, burnDown.Series.Single(s => s.Name == "Payments").Active[^1]);
    }

    [Fact]
    public async Task BurnDown_ReaderOfPayments_SeesOnlyPaymentsInTotalAndTeams()
    {
        using var riley = portal.ClientAs("riley");

        var byPillar = await (await riley.GetAsync("/api/v1/remediation/burndown")).ReadAsync<BurnDownBody>();
        var byTeam = await (await riley.GetAsync("/api/v1/remediation/burndown?groupBy=team")).ReadAsync<BurnDownBody>();

        var active = await riley.AllFindingsAsync("status=active");
        Assert.NotEmpty(active);
        Assert.Equal(active.Count, byPillar.Series.Single(s => s.Name == "total").Active[^1]);
        Assert.Equal(["Payments"], byTeam.Series.Select(s => s.Name));
        Assert.Equal(90, byPillar.Days.Count);
    }

    [Fact]
    public async Task Mttr_OneRunNothingResolved_ReturnsNoRows()
    {
        using var client = portal.ClientAs("alex");

        var response = await client.GetAsync("/api/v1/remediation/mttr");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.ReadAsync<List<MttrRowBody>>());
    }

    [Fact]
    public async Task Summary_ReaderOfPayments_CountsTheTeamsActiveFindings()
    {
        using var riley = portal.ClientAs("riley");

        var summary = await (await riley.GetAsync("/api/v1/remediation/summary")).ReadAsync<SummaryBody>();

        var active = await riley.AllFindingsAsync("status=active");
        Assert.Equal(active.Count, summary.Active);
        Assert.Equal(active.Count(f => f.Owner is null), summary.Unassigned);
        Assert.Equal(active.Count(f => f.Overdue), summary.Overdue);
        Assert.Equal(summary.Active, summary.ToDo + summary.InProgress + summary.PendingVerification + summary.WontFix);
    }
}
