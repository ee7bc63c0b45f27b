using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
/// Sums the per-run changes of <see cref="FindingCountChange"/> up to each day: one grouped scan of the changes of the
/// selected clusters, whatever the number of runs, instead of recounting findings as they stood on each day.
/// </summary>
public sealed class BurnDownQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    public const string Total = "total";

    public async Task<BurnDown> GetAsync(
        PortalUser user, ClusterFilter filter, DateOnly from, DateOnly to, BurnDownGrouping groupBy, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var series = new List<BurnDownSeries>();
        if (groupBy == BurnDownGrouping.Pillar)
        {
            var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
            var changes = await ChangesAsync(connection, selection, from, to, cancellationToken);
            series.AddRange(PillarNames.All.Select(p => Accumulate(p.Key(), days, changes.Where(c => c.Pillar == p.Key()))));
            series.Add(Accumulate(Total, days, changes));
        }
        else
        {
            var teams = await VisibleTeams.ListAsync(db, user, cancellationToken);
            foreach (var team in teams.Where(t => filter.TeamId is null || t.Id == filter.TeamId))
            {
                var selection = await ClusterSelection.ForAsync(db, user, filter with { TeamId = team.Id }, cancellationToken);
                series.Add(Accumulate(team.Name, days, await ChangesAsync(connection, selection, from, to, cancellationToken)));
            }
        }

        return new BurnDown(from, to, groupBy.ToString().ToLowerInvariant(), days, series);
    }

    // Changes before the first day fold into it, so it starts from the count as it stood then.
    private static async Task<List<(DateOnly Day, string Pillar, int Delta)>> ChangesAsync(
        NpgsqlConnection connection, ClusterSelection selection, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT greatest((x.at AT TIME ZONE 'UTC')::date, @from) AS day, x.pillar, sum(x.delta)::int
            FROM finding_count_changes x
            JOIN clusters c ON c.id = x.cluster_id
            WHERE x.at < @end AND {selection.Condition("c")}
            GROUP BY 1, 2
            """, connection);
        selection.AddParameters(command);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("end", new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var changes = new List<(DateOnly, string, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add((reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return changes;
    }

    private static BurnDownSeries Accumulate(string name, List<DateOnly> days, IEnumerable<(DateOnly Day, string Pillar, int Delta)> changes)
    {
        var byDay = changes.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => g.Sum(c => c.Delta));
        var running = 0;
        return new BurnDownSeries(name, days.Select(d => running += byDay.GetValueOrDefault(d)).ToList());
    }
}
