using System.Text.Json.Nodes;
using AksPosture.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AksPosture.Web.Features.Collection;

public sealed class CollectionStatusQueries(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The cluster's collection problems; null when there is no such cluster.</summary>
    public async Task<CollectionStatus?> GetAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Only the problems and the times of kept values are read, not the whole snapshot with its Kubernetes objects.
        await using var command = new NpgsqlCommand("""
            SELECT c.latest_snapshot -> 'collectionProblems', k.collected_at, k.failed_at, k.failed_run_id, k.failure,
                   (SELECT jsonb_object_agg(r.key, r.value -> 'collectedAt') FROM jsonb_each(k.retained_data_sets) r)
            FROM clusters c LEFT JOIN cluster_collections k ON k.cluster_id = c.id
            WHERE c.id = @id
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("id", clusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var lastRead = ParseJson(reader, 5) as JsonObject;
        var problems = (ParseJson(reader, 0) as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => ToProblem(p, lastRead))
            .OrderBy(p => p.DataSet, StringComparer.Ordinal)
            .ToList();
        var failure = reader.IsDBNull(2)
            ? null
            : new CollectionFailure(reader.GetFieldValue<DateTimeOffset>(2), reader.GetGuid(3), reader.IsDBNull(4) ? "no reason recorded" : reader.GetString(4));
        return new CollectionStatus(reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1), failure, problems);
    }

    private static DataSetProblem ToProblem(JsonObject problem, JsonObject? lastRead)
    {
        var dataSet = (string?)problem["dataSet"] ?? "?";
        DateTimeOffset? readAt = lastRead?[dataSet] is JsonValue value && value.TryGetValue<DateTimeOffset>(out var at) ? at : null;
        return new DataSetProblem(dataSet, (string?)problem["message"] ?? "unknown error", (string?)problem["missingPermission"], readAt);
    }

    private static JsonNode? ParseJson(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonNode.Parse(reader.GetString(ordinal));
}
