using Npgsql;

namespace AksPosture.Web.Features.Assessments;

/// <summary>
/// Each run writes its raw results into a table of its own, which is invisible to readers until the run's
/// finishing transaction attaches it to <c>rule_results</c> as the partition for that run. Retention drops it whole.
/// </summary>
internal static class RunPartitions
{
    public static string TableFor(Guid runId) => $"rule_results_{runId:N}";

    /// <summary>
    /// Creates the run's staging table: the columns of rule_results and a check that lets ATTACH skip its scan, but
    /// no key yet. Batches COPY into a bare heap (the cheapest write PostgreSQL has); the key is built once, sorted,
    /// when the run finishes, instead of being maintained row by row while a million rows arrive.
    /// </summary>
    public static Task CreateAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        var table = TableFor(runId);
        return ExecuteAsync(connection, $"""
            CREATE TABLE {table} (LIKE rule_results INCLUDING DEFAULTS);
            ALTER TABLE {table} ADD CONSTRAINT {table}_run CHECK (run_id = '{runId}');
            """, cancellationToken);
    }

    /// <summary>
    /// Builds the run's key (which also proves no result was stored twice) and attaches the table as the run's
    /// partition. The key must be a constraint, not just a unique index, for ATTACH to adopt it instead of building
    /// another. A table staged before keys were deferred has it already. A million keys sort faster in 256 MB than in
    /// the server's default 64 MB (the setting ends with the finishing transaction).
    /// </summary>
    public static Task AttachAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        var table = TableFor(runId);
        return ExecuteAsync(connection, $"""
            SET LOCAL maintenance_work_mem = '256MB';
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '{table}_pkey') THEN
                    ALTER TABLE {table} ADD CONSTRAINT {table}_pkey PRIMARY KEY (cluster_id, rule_id, object_key, run_id);
                END IF;
            END $$;
            ALTER TABLE rule_results ATTACH PARTITION {table} FOR VALUES IN ('{runId}');
            """, cancellationToken);
    }

    /// <summary>Drops a run's results, attached or still staged.</summary>
    public static async Task DropAsync(NpgsqlConnection connection, Guid runId, CancellationToken cancellationToken)
    {
        var table = TableFor(runId);
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = @table)", connection);
        command.Parameters.AddWithValue("table", table);
        if (await command.ExecuteScalarAsync(cancellationToken) is true)
        {
            await ExecuteAsync(connection, $"ALTER TABLE rule_results DETACH PARTITION {table}", cancellationToken);
        }

        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {table}", cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
