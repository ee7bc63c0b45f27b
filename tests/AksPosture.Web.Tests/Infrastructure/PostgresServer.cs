using Npgsql;

namespace AksPosture.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command started (scripts/test.sh sets ConnectionStrings__Posture). Tests
/// never skip and never fall back to another database: without it they fail and say how to run them.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "ConnectionStrings__Posture";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so there is no PostgreSQL to test against. Run the tests with the README's " +
                "test command, scripts/test.sh, which starts a local PostgreSQL and sets it (or set it to a server whose user may create databases).");

    /// <summary>Creates an empty database with a unique name; dispose it to drop it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = $"aksposture_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    internal static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresServer.ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
