using AksPosture.Engine.Rules;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Governance;

/// <summary>A cluster's adjusted scores and the run whose results they adjust.</summary>
public sealed record AdjustedClusterScores(Guid ClusterId, Guid RunId, AdjustedCluster Adjusted);

/// <summary>
/// Reads what the adjusted score of a set of clusters depends on — each cluster's latest results (without messages and
/// evidence), its tags, the active exceptions and attestations — and computes it. Used by the store, which writes the
/// outcome, and by queries, which compute the few clusters whose stored adjustment has just expired.
/// </summary>
internal static class AdjustedScoreInputs
{
    // Stored words back to enums without parsing each of a million rows.
    private static readonly Dictionary<string, Pillar> Pillars = PillarNames.All.ToDictionary(p => p.Key());
    private static readonly Dictionary<string, Severity> Severities = Enum.GetValues<Severity>().ToDictionary(s => s.ToString().ToLowerInvariant());
    private static readonly Dictionary<string, RuleStatus> Statuses = Enum.GetValues<RuleStatus>().ToDictionary(s => s.Code());

    public static async Task<List<ActiveException>> ActiveExceptionsAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.RuleExceptions.AsNoTracking()
            .Where(e => e.Status == ExceptionStatus.Approved && e.ExpiresAt > now)
            .ToListAsync(cancellationToken))
        .Select(ActiveException.From)
        .ToList();

    /// <summary>Computes every cluster of <paramref name="clusterIds"/> that has been assessed; unassessed ones are left out.</summary>
    public static async Task<List<AdjustedClusterScores>> ComputeAsync(
        AppDbContext db, IReadOnlyCollection<Guid> clusterIds, IReadOnlyList<ActiveException> exceptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = clusterIds.ToArray();
        var clusters = await db.Clusters.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.LatestRunId != null)
            .Select(c => new { c.Id, RunId = c.LatestRunId!.Value, c.Tags })
            .ToListAsync(cancellationToken);
        var attestations = await db.Attestations.AsNoTracking()
            .Where(a => ids.Contains(a.ClusterId) && a.Status == AttestationStatus.Active && a.ExpiresAt > now)
            .Select(a => new ActiveAttestation(a.Id, a.ClusterId, a.RuleId, a.Result, a.ExpiresAt))
            .ToListAsync(cancellationToken);
        var attestedClusters = attestations.Select(a => a.ClusterId).ToHashSet();

        // Only clusters something reaches need their results read; the rest keep their raw score.
        var reached = clusters.Where(c => attestedClusters.Contains(c.Id) || exceptions.Any(e => e.AppliesTo(c.Id, c.Tags))).ToList();
        var computed = new List<AdjustedClusterScores>();
        // Object results matter only where an exception covers some objects (its namespace or one object).
        var withObjects = exceptions.Where(e => !e.CoversWholeCluster && e.ClusterId is not null).Select(e => e.ClusterId!.Value).ToHashSet();
        foreach (var run in reached.GroupBy(c => c.RunId))
        {
            var runClusters = run.Select(c => c.Id).ToArray();
            var results = await ResultsAsync(db, run.Key, runClusters, runClusters.Where(withObjects.Contains).ToArray(), cancellationToken);
            computed.AddRange(run.Select(c => new AdjustedClusterScores(
                c.Id, c.RunId, AdjustedScoring.Score(c.Id, c.Tags, results[c.Id].ToList(), exceptions, attestations))));
        }

        return computed;
    }

    // The columns scoring reads, from one run's partition: the cluster-level results, and object results where needed.
    private static async Task<ILookup<Guid, RuleResult>> ResultsAsync(
        AppDbContext db, Guid runId, Guid[] clusterIds, Guid[] withObjects, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT r.cluster_id, r.rule_id, r.object_key, r.pillar, r.severity, r.status, r.check_id
            FROM rule_results r
            WHERE r.run_id = @run AND r.cluster_id = ANY(@clusters) AND (r.object_key = '' OR r.cluster_id = ANY(@with_objects))
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("clusters", clusterIds);
        command.Parameters.AddWithValue("with_objects", withObjects);
        var rows = new List<(Guid, RuleResult)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var result = new RuleResult(
                reader.GetString(1),
                Pillars[reader.GetString(3)],
                Severities[reader.GetString(4)],
                Statuses[reader.GetString(5)],
                "",
                [])
            {
                ObjectKey = reader.GetString(2),
                CheckId = reader.GetString(6),
            };
            rows.Add((reader.GetGuid(0), result));
        }

        return rows.ToLookup(r => r.Item1, r => r.Item2);
    }
}
