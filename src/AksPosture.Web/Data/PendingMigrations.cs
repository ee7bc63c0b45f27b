using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AksPosture.Web.Data;

internal static class PendingMigrations
{
    /// <summary>
    /// The migrations not yet applied. Unlike <c>GetPendingMigrationsAsync</c> it looks for the history table
    /// first, so a fresh database does not log a failed query at every start or probe.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(this AppDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        var applied = await history.ExistsAsync(cancellationToken)
            ? (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet()
            : [];
        return db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
    }

    /// <summary>
    /// Creates the history table (if missing) before migrating: <c>MigrateAsync</c> reads it first and, on a fresh
    /// database, logs the failed query as an error in the log of a perfectly healthy first start.
    /// </summary>
    public static async Task EnsureMigrationsHistoryAsync(this AppDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
}
