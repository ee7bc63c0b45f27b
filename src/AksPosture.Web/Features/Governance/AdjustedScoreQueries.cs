using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Scores;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Governance;

/// <summary>
/// Raw and adjusted scores of a set of clusters, each cluster counting once (the engine's <see cref="ScoreRollup"/>).
/// <paramref name="ClustersAdjusted"/> clusters had something applied; <paramref name="Excepted"/> results were changed by
/// exceptions and <paramref name="Attested"/> MANUAL results replaced by attestations.
/// </summary>
public sealed record AdjustedScores(PillarScores Raw, PillarScores Adjusted, int Clusters, int ClustersAdjusted, int Excepted, int Attested);

/// <summary>
/// Reads raw and adjusted scores for any <see cref="ClusterSelection"/> — a cluster, a subscription, a team, the fleet —
/// from the raw rollups of each cluster's latest run and the stored adjustments, in one query. A stored adjustment
/// whose exception or attestation has expired since it was written (the expiry job has not run yet) is recomputed
/// here for that cluster, so an expired exception is never counted.
/// </summary>
public sealed class AdjustedScoreQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The clusters of <paramref name="selection"/> that are not gone, or only the one cluster named by its id.</summary>
    public async Task<AdjustedScores> GetAsync(ClusterSelection selection, CancellationToken cancellationToken, Guid? clusterId = null, string? armIdKey = null)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = (NpgsqlConnection)db.Database.GetDbConnection() };
        var only = clusterId is not null ? "c.id = @cluster" : armIdKey is not null ? "c.arm_id_key = @cluster" : "c.gone_at IS NULL";
        // Each cluster's rollups are probed through the (cluster, run) index (OFFSET 0 keeps the probe): a join let the
        // planner merge along the whole rollup table's key, every run of the history, for a fleet-wide read.
        command.CommandText = $"""
            SELECT c.id, p.pillar, p.score, p.earned, p.possible, a.score, a.earned, a.possible, a.excepted, a.attested,
                   a.valid_until <= @now OR a.run_id <> c.latest_run_id AS stale
            FROM clusters c
            CROSS JOIN LATERAL (SELECT p.pillar, p.score, p.earned, p.possible FROM pillar_score_rollups p
                                WHERE p.run_id = c.latest_run_id AND p.cluster_id = c.id OFFSET 0) p
            LEFT JOIN adjusted_score_rollups a ON a.cluster_id = c.id AND a.pillar = p.pillar
            WHERE {only} AND {selection.Condition("c")}
            """;
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("cluster", (object?)clusterId ?? armIdKey ?? "");
        selection.AddParameters(command);

        var clusters = new Dictionary<Guid, ClusterRows>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (!clusters.TryGetValue(id, out var rows))
                {
                    clusters[id] = rows = new ClusterRows();
                }

                var pillar = reader.GetString(1);
                rows.Raw.Add(Rollup(pillar, reader, 2));
                if (!reader.IsDBNull(7))
                {
                    rows.Adjusted.Add(Rollup(pillar, reader, 5));
                    (rows.Excepted, rows.Attested) = (reader.GetInt32(8), reader.GetInt32(9));
                    rows.Stale |= reader.GetBoolean(10);
                }
            }
        }

        var recomputed = await RecomputeStaleAsync(db, clusters, now, cancellationToken);
        var raw = new List<PillarScores>(clusters.Count);
        var adjusted = new List<PillarScores>(clusters.Count);
        var (adjustedClusters, excepted, attested) = (0, 0, 0);
        foreach (var (id, rows) in clusters)
        {
            raw.Add(ResultRecords.ToScores(rows.Raw));
            if (recomputed.TryGetValue(id, out var fresh))
            {
                adjusted.Add(fresh.Scores);
                (adjustedClusters, excepted, attested) = (adjustedClusters + 1, excepted + fresh.Excepted, attested + fresh.Attested);
            }
            else if (rows.Adjusted.Count > 0 && !rows.Stale)
            {
                adjusted.Add(ResultRecords.ToScores(rows.Adjusted));
                (adjustedClusters, excepted, attested) = (adjustedClusters + 1, excepted + rows.Excepted, attested + rows.Attested);
            }
            else
            {
                adjusted.Add(raw[^1]);
            }
        }

        return new AdjustedScores(ScoreRollup.Combine(raw), ScoreRollup.Combine(adjusted), clusters.Count, adjustedClusters, excepted, attested);
    }

    /// <summary>The user's clusters under a filter (a team, a subscription, an environment, a tag, or none for the fleet).</summary>
    public async Task<AdjustedScores> ForUserAsync(PortalUser user, ClusterFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(await ClusterSelection.ForAsync(db, user, filter, cancellationToken), cancellationToken);
    }

    /// <summary>One cluster, if the user may see it (otherwise no clusters).</summary>
    public async Task<AdjustedScores> ForClusterAsync(PortalUser user, Guid clusterId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GetAsync(await ClusterSelection.ForAsync(db, user, ClusterFilter.None, cancellationToken), cancellationToken, clusterId: clusterId);
    }

    /// <summary>
    /// The scope of <c>GET /api/v1/scores</c>, within what the user may see. When no exception or attestation reaches any
    /// of its clusters, the adjusted scores are the <paramref name="raw"/> ones the caller already read, and the clusters
    /// are not read a second time (for the fleet that would be every cluster's rollups).
    /// </summary>
    public async Task<AdjustedScores> ForScopeAsync(PortalUser user, ScoreScope scope, PillarScores raw, int clusters, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filter = scope.Kind == ScoreScopeKind.Subscription ? new ClusterFilter(SubscriptionId: scope.Id) : ClusterFilter.None;
        var selection = await ClusterSelection.ForAsync(db, user, filter, cancellationToken);
        var armIdKey = scope.Kind == ScoreScopeKind.Cluster ? scope.Id : null;
        return await AnyAdjustedAsync(db, selection, armIdKey, cancellationToken)
            ? await GetAsync(selection, cancellationToken, armIdKey: armIdKey)
            : new AdjustedScores(raw, raw, clusters, 0, 0, 0);
    }

    // Adjusted rollups exist for exactly the clusters an exception or attestation reaches (written with the change and
    // after each run); a lapsed one is still there until it is recomputed, so it sends the read down the full path.
    private static async Task<bool> AnyAdjustedAsync(AppDbContext db, ClusterSelection selection, string? armIdKey, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = (NpgsqlConnection)db.Database.GetDbConnection() };
        command.CommandText = $"""
            SELECT EXISTS (SELECT 1 FROM adjusted_score_rollups a JOIN clusters c ON c.id = a.cluster_id
                           WHERE {(armIdKey is null ? "c.gone_at IS NULL" : "c.arm_id_key = @cluster")} AND {selection.Condition("c")})
            """;
        command.Parameters.AddWithValue("cluster", armIdKey ?? "");
        selection.AddParameters(command);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<Dictionary<Guid, AdjustedCluster>> RecomputeStaleAsync(
        AppDbContext db, Dictionary<Guid, ClusterRows> clusters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stale = clusters.Where(c => c.Value.Stale).Select(c => c.Key).ToList();
        if (stale.Count == 0)
        {
            return [];
        }

        var exceptions = await AdjustedScoreInputs.ActiveExceptionsAsync(db, now, cancellationToken);
        var computed = await AdjustedScoreInputs.ComputeAsync(db, stale, exceptions, now, cancellationToken);
        return computed.Where(c => c.Adjusted.IsAdjusted).ToDictionary(c => c.ClusterId, c => c.Adjusted);
    }

    private static PillarScoreRollup Rollup(string pillar, NpgsqlDataReader reader, int first) => new()
    {
        Pillar = pillar,
        Score = reader.IsDBNull(first) ? null : reader.GetDouble(first),
        Earned = reader.GetDouble(first + 1),
        Possible = reader.GetDouble(first + 2),
    };

    private sealed class ClusterRows
    {
        public List<PillarScoreRollup> Raw { get; } = new(6);

        public List<PillarScoreRollup> Adjusted { get; } = new(6);

        public int Excepted { get; set; }

        public int Attested { get; set; }

        public bool Stale { get; set; }
    }
}
