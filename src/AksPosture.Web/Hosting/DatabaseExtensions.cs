using System.Diagnostics;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AksPosture.Web.Hosting;

public static class DatabaseExtensions
{
    public const string ConnectionStringName = "Posture";

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "AksPosture needs a PostgreSQL database and none is configured. Set ConnectionStrings__Posture " +
                "(e.g. 'Host=127.0.0.1;Port=5432;Database=aksposture;Username=...;Password=...'), or start the portal " +
                "with the README's run command, scripts/run-portal.sh, which starts a local PostgreSQL for you.");
        }

        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<AppDbContext>(options => options.UseNpgsql(WithoutJit(connectionString)));
        return builder;
    }

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the portal's connections unless the connection string sets it: the pages'
    /// aggregates over 10,000 clusters are planned above the JIT thresholds, and compiling them took longer (0.3–0.8 s
    /// each) than the queries themselves.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = $"{builder.Options} -c jit=off".Trim();
        }

        return builder.ConnectionString;
    }

    /// <summary>Applies pending migrations when <see cref="DatabaseOptions.MigrateOnStartup"/> is set.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions));
        var stopwatch = Stopwatch.StartNew();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.EnsureMigrationsHistoryAsync(CancellationToken.None);
        var pending = await db.PendingMigrationsAsync(CancellationToken.None);
        if (pending.Count == 0)
        {
            logger.LogInformation("Database is up to date; no migrations to apply");
            return;
        }

        await db.Database.MigrateAsync();
        logger.LogInformation("Applied {Count} migration(s) ({Migrations}) in {ElapsedMs} ms", pending.Count, string.Join(", ", pending), stopwatch.ElapsedMilliseconds);
    }
}
