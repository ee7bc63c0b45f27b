using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AksPosture.Web.Data;

/// <summary>Not ready while the schema is behind the code: requests would fail on missing tables or columns.</summary>
internal sealed class MigrationsHealthCheck(IDbContextFactory<AppDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.PendingMigrationsAsync(cancellationToken);
        return pending.Count == 0
            ? HealthCheckResult.Healthy("All migrations are applied.")
            : HealthCheckResult.Unhealthy(
                $"{pending.Count} migration(s) pending ({string.Join(", ", pending)}): run the migration job, or start with Database__MigrateOnStartup=true.");
    }
}
