using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// For each cluster a run assessed: the digest of its results staged by the run and the one its latest run left
/// (<see cref="Findings.ResultDigest"/>). Compared here rather than joined in SQL: the staging table fills and empties
/// every run, so the planner's guess of its size is rarely right, and a wrong guess costs far more than reading
/// two short rows per cluster.
/// </summary>
internal sealed class RunDigests
{
    private RunDigests(Guid[] clusters, byte[]?[] staged, byte[]?[] current) => (Clusters, Staged, Current) = (clusters, staged, current);

    /// <summary>The clusters the run assessed (those with a rollup in it).</summary>
    public Guid[] Clusters { get; }

    /// <summary>Per cluster, the run's digest; null when the run staged none (it then counts as changed).</summary>
    public byte[]?[] Staged { get; }

    private byte[]?[] Current { get; }

    public static async Task<RunDigests> LoadAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        var staged = new Dictionary<Guid, byte[]>();
        await using (var command = new NpgsqlCommand("SELECT cluster_id, digest FROM run_cluster_digests WHERE run_id = @run", connection))
        {
            command.Parameters.AddWithValue("run", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                staged[reader.GetGuid(0)] = reader.GetFieldValue<byte[]>(1);
            }
        }

        var clusters = new List<Guid>();
        var current = new List<byte[]?>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.id, c.results_digest FROM clusters c
            WHERE c.id IN (SELECT r.cluster_id FROM pillar_score_rollups r WHERE r.run_id = @run AND r.pillar = 'overall')
            """, connection))
        {
            command.Parameters.AddWithValue("run", runId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                clusters.Add(reader.GetGuid(0));
                current.Add(reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1));
            }
        }

        return new RunDigests([.. clusters], [.. clusters.Select(c => staged.GetValueOrDefault(c))], [.. current]);
    }

    /// <summary>Clusters whose results may change their findings: the digest differs, or one of the two is unknown.</summary>
    public Guid[] Changed() =>
        [.. Clusters.Where((_, i) => Staged[i] is not { } staged || Current[i] is not { } current || !staged.AsSpan().SequenceEqual(current))];
}
