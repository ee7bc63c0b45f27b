using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Remediation;

/// <summary>
/// Mean time to remediate for findings resolved in the window, from first seen to resolved, in days. Pillar and
/// severity are null on the subtotal rows: a pillar over all severities, and the whole selection.
/// </summary>
public sealed record MttrRow(string? Pillar, string? Severity, int Resolved, double MeanDays);

public sealed class MttrQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Findings resolved from <paramref name="from"/> to <paramref name="to"/> (UTC days, both inclusive).</summary>
    public async Task<IReadOnlyList<MttrRow>> GetAsync(PortalUser user, ClusterFilter filter, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);

        // One pass with grouping sets: each pillar × severity, each pillar, and everything. A mean needs no sort.
        await using var command = new NpgsqlCommand($"""
            SELECT f.pillar, f.severity, count(*)::int, avg(extract(epoch FROM f.resolved_at - f.first_seen_at))::float8 / 86400
            FROM findings f
            WHERE f.state = 'resolved' AND f.resolved_at >= @start AND f.resolved_at < @end
              AND f.cluster_id IN (SELECT c.id FROM clusters c WHERE {selection.Condition("c")})
            GROUP BY GROUPING SETS ((f.pillar, f.severity), (f.pillar), ())
            HAVING count(*) > 0
            ORDER BY f.pillar NULLS LAST, f.severity NULLS LAST
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        selection.AddParameters(command);
        command.Parameters.AddWithValue("start", Midnight(from));
        command.Parameters.AddWithValue("end", Midnight(to.AddDays(1)));
        var rows = new List<MttrRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new MttrRow(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetInt32(2), reader.GetDouble(3)));
        }

        return rows;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
