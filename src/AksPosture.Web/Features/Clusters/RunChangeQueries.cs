using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;

namespace AksPosture.Web.Features.Clusters;

/// <summary>What changed between the two latest runs that assessed the selected clusters: new, resolved and reopened findings.</summary>
public sealed record RunChanges(Guid LaterRunId, DateTimeOffset? LaterFinishedAt, Guid EarlierRunId, DateTimeOffset? EarlierFinishedAt, RunDiff Diff);

public sealed class RunChangeQueries(IDbContextFactory<AppDbContext> dbFactory, RunDiffQueries diffs)
{
    /// <summary>How many changes of each kind a page lists; the counts are always complete.</summary>
    public const int Limit = 50;

    /// <summary>Null when fewer than two runs with kept results assessed the selection (nothing to compare).</summary>
    public async Task<RunChanges?> GetAsync(ClusterSelection selection, CancellationToken cancellationToken)
    {
        var runs = new List<(Guid Id, DateTimeOffset? FinishedAt)>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var command = await SelectionCommand.CreateAsync(db, selection, """
                SELECT a.id, a.finished_at FROM assessment_runs a
                WHERE a.status IN ('succeeded', 'partial') AND a.results_removed_at IS NULL
                  AND EXISTS (SELECT 1 FROM pillar_score_rollups p JOIN clusters c ON c.id = p.cluster_id
                              WHERE p.run_id = a.id AND p.pillar = 'overall' AND {selection})
                ORDER BY a.queued_at DESC
                LIMIT 2
                """, cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                runs.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        if (runs.Count < 2)
        {
            return null;
        }

        // The selection is already the user's and both runs assessed its cluster: no further visibility check is needed.
        var (diff, _, _) = await diffs.GetAsync(PortalUser.System, runs[0].Id, runs[1].Id, Limit, cancellationToken, selection);
        return diff is null ? null : new RunChanges(runs[0].Id, runs[0].FinishedAt, runs[1].Id, runs[1].FinishedAt, diff);
    }
}
