using AksPosture.Web.Data;
using AksPosture.Web.Features.Teams;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Fleet;

/// <summary>Hand-written SQL over the clusters one user may see: <c>{selection}</c> in the text stands for the selection's condition on <c>c</c>.</summary>
internal static class SelectionCommand
{
    public static async Task<NpgsqlCommand> CreateAsync(AppDbContext db, ClusterSelection selection, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(
            sql.Replace("{selection}", selection.Condition("c"), StringComparison.Ordinal),
            (NpgsqlConnection)db.Database.GetDbConnection());
        selection.AddParameters(command);
        return command;
    }
}
