using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Audit;
using AksPosture.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Tests.Features.Audit;

public sealed class AuditLogTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Record_Change_StoresWhoWhenWhatBeforeAndAfter()
    {
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        var entityId = Guid.NewGuid().ToString();
        await using (var db = await portal.CreateDbAsync())
        {
            AuditLog.Record(db, User(), at, "team.update", "team", entityId, new { name = "Old" }, new { name = "New" });
            await db.SaveChangesAsync();
        }

        await using var check = await portal.CreateDbAsync();
        var entry = await check.AuditLog.SingleAsync(a => a.EntityId == entityId);
        Assert.Equal(("auditor-1", "Audrey Auditor", "team.update", "team"), (entry.ActorId, entry.ActorName, entry.Action, entry.EntityType));
        Assert.Equal(at, entry.At);
        Assert.Equal("""{"name": "Old"}""", entry.Before);
        Assert.Equal("""{"name": "New"}""", entry.After);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor_name = 'someone else'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    public async Task AuditLog_UpdateDeleteOrTruncate_IsRefusedByTheDatabase(string sql)
    {
        await using (var db = await portal.CreateDbAsync())
        {
            AuditLog.Record(db, User(), DateTimeOffset.UtcNow, "team.create", "team", Guid.NewGuid().ToString(), null, new { name = "T" });
            await db.SaveChangesAsync();
        }

        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    private static PortalUser User() => new("auditor-1", "Audrey Auditor", new HashSet<string>([PortalRoles.Admin]), new HashSet<string>());
}
