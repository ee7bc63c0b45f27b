using System.Text.Json;
using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Web.Features.Findings;
using Npgsql;
using NpgsqlTypes;

namespace AksPosture.Web.Features.Assessments;

/// <summary>A cluster's assessment, ready to store under its portal id.</summary>
public sealed record StoredAssessment(Guid ClusterId, ClusterAssessment Assessment);

/// <summary>
/// Writes results and per-cluster rollups with binary COPY: a fleet run is a million rows, which row-by-row
/// inserts (or EF change tracking) would take minutes to write.
/// </summary>
public static class ResultCopy
{
    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web);

    public static async Task<int> WriteResultsAsync(
        NpgsqlConnection connection, string table, Guid runId, IEnumerable<StoredAssessment> assessments, CancellationToken cancellationToken)
    {
        var rows = 0;
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (run_id, cluster_id, rule_id, object_key, pillar, severity, status, message, evidence, check_id) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var (clusterId, assessment) in assessments)
        {
            foreach (var result in assessment.Results)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(clusterId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(result.RuleId, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(result.ObjectKey, NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(result.Pillar.Key(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(SeverityText(result.Severity), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(result.Status.Code(), NpgsqlDbType.Varchar, cancellationToken);
                await writer.WriteAsync(result.Message, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(JsonSerializer.Serialize(result.Evidence, EvidenceJson), NpgsqlDbType.Jsonb, cancellationToken);
                await writer.WriteAsync(result.CheckId, NpgsqlDbType.Varchar, cancellationToken);
                rows++;
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return rows;
    }

    public static async Task WriteRollupsAsync(
        NpgsqlConnection connection, Guid runId, IEnumerable<StoredAssessment> assessments, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY pillar_score_rollups (run_id, cluster_id, pillar, score, earned, possible) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (clusterId, assessment) in assessments)
        {
            foreach (var rollup in ResultRecords.ToRollups(assessment.Scores, runId, clusterId))
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(runId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(clusterId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(rollup.Pillar, NpgsqlDbType.Varchar, cancellationToken);
                if (rollup.Score is { } score)
                {
                    await writer.WriteAsync(score, NpgsqlDbType.Double, cancellationToken);
                }
                else
                {
                    await writer.WriteNullAsync(cancellationToken);
                }

                await writer.WriteAsync(rollup.Earned, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(rollup.Possible, NpgsqlDbType.Double, cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>Stages each cluster's <see cref="ResultDigest"/>, for the finishing transaction to tell which clusters changed.</summary>
    public static async Task WriteDigestsAsync(
        NpgsqlConnection connection, Guid runId, IEnumerable<StoredAssessment> assessments, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY run_cluster_digests (run_id, cluster_id, digest) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (clusterId, assessment) in assessments)
        {
            await writer.WriteRowAsync(cancellationToken, runId, clusterId, ResultDigest.Of(assessment.Results));
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>As the <c>LowerCaseEnumConverter</c> stores it.</summary>
    public static string SeverityText(Severity severity) => severity.ToString().ToLowerInvariant();
}
