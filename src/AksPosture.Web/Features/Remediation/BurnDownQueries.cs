using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Remediation;

public enum BurnDownGrouping
{
    Pillar,
    Team,
}

/// <summary>Active findings at the end of each day (UTC) from <see cref="From"/> to <see cref="To"/>, one series per pillar (plus <c>total</c>) or per team.</summary>
public sealed record BurnDown(DateOnly From, DateOnly To, string GroupBy, IReadOnlyList<DateOnly> Days, IReadOnlyList<BurnDownSeries> Series);

public sealed record BurnDownSeries(string Name, IReadOnlyList<int> Active);

/// <summary>
/// Sums the daily changes of <see cref="FindingCountChange"/> up to each day: one grouped read of the selected
/// clusters' changes, whatever the number of runs, instead of recounting findings as they stood on each day. The whole
/// fleet, unfiltered, reads the fleet-wide sums instead.
/// </summary>
public sealed class BurnDownQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string Total = "total";

    public async Task<BurnDown> GetAsync(
        PortalUser user, ClusterFilter filter, DateOnly from, DateOnly to, BurnDownGrouping groupBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var series = new List<BurnDownSeries>();
        if (groupBy == BurnDownGrouping.Pillar)
        {
            var changes = user.IsAdmin && filter.IsEmpty
                ? await FleetChangesAsync(db, from, to, cancellationToken)
                : await ChangesAsync(db, await SelectedClustersAsync(db, user, filter, cancellationToken), from, to, cancellationToken);
            series.AddRange(PillarNames.All.Select(p => Accumulate(p.Key(), days, changes.Where(c => c.Pillar == p.Key()))));
            series.Add(Accumulate(Total, days, changes));
        }
        else
        {
            var teams = await VisibleTeams.ListAsync(db, user, cancellationToken);
            // One read per team rather than one read mapping clusters to teams: teams may overlap, and each read uses the
            // covering index for that team's clusters only.
            foreach (var team in teams.Where(t => filter.TeamId is null || t.Id == filter.TeamId))
            {
                var clusters = await SelectedClustersAsync(db, user, filter with { TeamId = team.Id }, cancellationToken);
                series.Add(Accumulate(team.Name, days, await ChangesAsync(db, clusters, from, to, cancellationToken)));
            }
        }

        return new BurnDown(from, to, groupBy.ToString().ToLowerInvariant(), days, series);
    }

    private static async Task<Guid[]> SelectedClustersAsync(AppDbContext db, PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
        return await selection.Clusters(db).Select(c => c.Id).ToArrayAsync(cancellationToken);
    }

    // Changes before the first day fold into it, so the series starts from the count as it stood then.
    private static Task<List<Change>> ChangesAsync(AppDbContext db, Guid[] clusters, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.FindingCountChanges
            .Where(x => clusters.Contains(x.ClusterId) && x.Day <= to)
            .GroupBy(x => new { Day = x.Day < from ? from : x.Day, x.Pillar })
            .Select(g => new Change(g.Key.Day, g.Key.Pillar, g.Sum(x => x.Delta)))
            .ToListAsync(cancellationToken);

    private static Task<List<Change>> FleetChangesAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.FleetFindingCountChanges
            .Where(x => x.Day <= to)
            .GroupBy(x => new { Day = x.Day < from ? from : x.Day, x.Pillar })
            .Select(g => new Change(g.Key.Day, g.Key.Pillar, g.Sum(x => x.Delta)))
            .ToListAsync(cancellationToken);

    private static BurnDownSeries Accumulate(string name, List<DateOnly> days, IEnumerable<Change> changes)
    {
        var byDay = changes.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Sum(c => c.Delta));
        var running = 0;
        return new BurnDownSeries(name, days.Select(d => running += byDay.GetValueOrDefault(d)).ToList());
    }

    /// <summary>The changes of one day to one pillar.</summary>
    private sealed record Change(DateOnly Day, string Pillar, int Delta);
}
