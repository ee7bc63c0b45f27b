using System.Net.Http.Json;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Tests.Infrastructure;
using Npgsql;

namespace AksPosture.Web.Tests.Features.Assessments.Recovery;

/// <summary>One result row as the lifecycle sees it; a run's set of these must match a clean assessment's.</summary>
public sealed record ResultKey(Guid ClusterId, string RuleId, string ObjectKey, string Status);

/// <summary>A run as the database holds it at one instant: what readers can see of it and what is staged.</summary>
public sealed record RunSnapshot(string Status, string? Error, int BatchesDone, int BatchesTotal, long Visible, long Writers);

/// <summary>
/// Watches a portal process's database from outside, as an operator would: the sample fleet's clean assessment, a
/// run's progress, and whether a batch is half written (its transaction holds the run's table) right now.
/// </summary>
public sealed class RunObserver(string connectionString)
{
    // Fresh connections each time: the server may be restarting under the test.
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>Waits for the sample fleet (seeded by the portal at first start) and returns that run's id.</summary>
    public Task<Guid> SampleFleetRunAsync() => UntilAsync(async () =>
    {
        var ids = await QueryAsync("SELECT id FROM assessment_runs WHERE trigger = 'startup-sample' AND status IN ('succeeded', 'partial')", r => r.GetGuid(0));
        return (ids.Count == 1, ids.FirstOrDefault());
    }, "the sample fleet to be assessed");

    public static async Task<Guid> StartFleetRunAsync(PortalProcess portal)
    {
        var response = await portal.Client.PostAsJsonAsync("/api/v1/assessments", new StartRunRequest("fleet"));
        Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/assessments answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RunAccepted>())!.Id;
    }

    /// <summary>Waits until some batches are stored, some are not, and a batch's transaction has written rows it has not committed.</summary>
    public Task<RunSnapshot> MidBatchAsync(Guid runId) => UntilAsync(async () =>
    {
        var snapshot = await SnapshotAsync(runId);
        return (snapshot is { BatchesDone: > 0, Writers: > 0 } && snapshot.BatchesDone < snapshot.BatchesTotal, snapshot);
    }, "a batch to be half written after at least one was stored");

    /// <summary>Waits for the run to end, checking at every look that nothing of it is visible before it has.</summary>
    public Task<RunSnapshot> FinishedAsync(Guid runId, long expectedRows, TimeSpan? timeout = null) => UntilAsync(async () =>
    {
        var snapshot = await SnapshotAsync(runId);
        var finished = snapshot.Status is "succeeded" or "partial" or "failed";
        Assert.True(snapshot.Visible == 0 || (finished && snapshot.Visible == expectedRows), $"Half-written run visible: {snapshot}");
        return (finished, snapshot);
    }, "the run to finish", timeout);

    public async Task<RunSnapshot> SnapshotAsync(Guid runId) => (await QueryAsync($"""
        SELECT r.status, r.error, r.batches_done, r.batches_total,
               (SELECT count(*) FROM rule_results v WHERE v.run_id = r.id),
               (SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                WHERE c.relname = '{RunPartitions.TableFor(runId)}' AND l.mode = 'RowExclusiveLock' AND l.granted)
        FROM assessment_runs r WHERE r.id = '{runId}'
        """, r => new RunSnapshot(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5)))).Single();

    /// <summary>The results of a finished run.</summary>
    public Task<List<ResultKey>> ResultsAsync(Guid runId) =>
        QueryAsync($"SELECT cluster_id, rule_id, object_key, status FROM rule_results WHERE run_id = '{runId}'", ReadKey);

    /// <summary>The rows a run has staged (not yet visible) in its own table.</summary>
    public Task<List<ResultKey>> StagedAsync(Guid runId) =>
        QueryAsync($"SELECT cluster_id, rule_id, object_key, status FROM {RunPartitions.TableFor(runId)}", ReadKey);

    /// <summary>What a clean run stores for the clusters of the batches <paramref name="runId"/> has marked done.</summary>
    public Task<List<ResultKey>> CleanResultsOfDoneBatchesAsync(Guid runId, Guid cleanRunId) => QueryAsync($"""
        SELECT cluster_id, rule_id, object_key, status FROM rule_results
        WHERE run_id = '{cleanRunId}'
          AND cluster_id IN (SELECT unnest(cluster_ids) FROM assessment_run_batches WHERE run_id = '{runId}' AND done)
        """, ReadKey);

    /// <summary>Waits until no transaction holds the run's table any more (the server has rolled back what a dead client left open).</summary>
    public Task NoWritersAsync(Guid runId) => UntilAsync(
        async () => (await SnapshotAsync(runId) is { Writers: 0 }, true), "the killed batch's transaction to be rolled back");

    private static ResultKey ReadKey(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3));

    private static async Task<T> UntilAsync<T>(Func<Task<(bool Done, T Value)>> probe, string what, TimeSpan? timeout = null)
    {
        T value = default!;
        await Eventually.Async(async () =>
        {
            try
            {
                (var done, value) = await probe();
                return done;
            }
            catch (NpgsqlException)
            {
                // The server is restarting: look again.
                return false;
            }
        }, what, timeout ?? TimeSpan.FromMinutes(3));
        return value;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
