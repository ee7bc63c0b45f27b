using Npgsql;

namespace AksPosture.Benchmarks;

/// <summary>One-off SQL for the throw-away databases benchmarks create and drop.</summary>
internal static class BenchmarkDatabase
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
