using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Fleet;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Benchmarks;

/// <summary>One assessed cluster of the synthetic fleet, under the portal id it is stored with.</summary>
internal sealed record FleetCluster(Guid Id, string SubscriptionId, ClusterSnapshot Snapshot, ClusterAssessment Assessment);

/// <summary>A throw-away, migrated database on the benchmark's server, holding the fleet's subscriptions and clusters; dropped on dispose.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchmarkDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 0, MaxPoolSize = 200 }.ConnectionString;
        Factory = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<AppDbContext> Factory { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string server, IReadOnlyList<FleetCluster> fleet)
    {
        var database = new BenchmarkDatabase(server, $"aksposture_bench_{Guid.NewGuid():N}");
        await ExecuteAsync(database.ServerConnectionString, $"CREATE DATABASE {database.Name}");
        await using (var db = database.Factory.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await database.StoreFleetAsync(fleet);
        return database;
    }

    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private string ServerConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString;

    private async Task StoreFleetAsync(IReadOnlyList<FleetCluster> fleet)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow.AddDays(-400);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY subscriptions (subscription_id, display_name, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var subscription in fleet.Select(f => f.SubscriptionId).Distinct())
            {
                await writer.WriteRowAsync(default, subscription, $"Subscription {subscription[..8]}", now, now);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY clusters (id, arm_id, arm_id_key, name, subscription_id, resource_group, location, tags, latest_snapshot, is_sample, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var cluster in fleet)
            {
                var s = cluster.Snapshot;
                await writer.StartRowAsync();
                await writer.WriteAsync(cluster.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(s.Id, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Id.ToLowerInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.SubscriptionId, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.ResourceGroup, NpgsqlDbType.Varchar);
                await writer.WriteAsync(s.Location, NpgsqlDbType.Varchar);
                await writer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(SnapshotDocument.ToJson(s), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await ExecuteAsync("ANALYZE");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
