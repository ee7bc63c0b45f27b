using System.Text.Json;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Assessments;

/// <summary>Maps engine results to stored rows and back.</summary>
public static class ResultRecords
{
    private static readonly JsonSerializerOptions EvidenceJson = new(JsonSerializerDefaults.Web);

    public static RuleResultRecord ToRecord(RuleResult result, Guid runId, Guid clusterId) => new()
    {
        RunId = runId,
        ClusterId = clusterId,
        RuleId = result.RuleId,
        ObjectKey = result.ObjectKey,
        Pillar = result.Pillar,
        Severity = result.Severity,
        Status = result.Status,
        Message = result.Message,
        Evidence = JsonSerializer.Serialize(result.Evidence, EvidenceJson),
        CheckId = result.CheckId,
    };

    public static RuleResult ToResult(RuleResultRecord record) =>
        new(record.RuleId, record.Pillar, record.Severity, record.Status, record.Message, ReadEvidence(record.Evidence))
        {
            ObjectKey = record.ObjectKey,
            CheckId = record.CheckId,
        };

    public static IEnumerable<PillarScoreRollup> ToRollups(PillarScores scores, Guid runId, Guid clusterId)
    {
        foreach (var (pillar, score) in scores.Pillars)
        {
            yield return new PillarScoreRollup
            {
                RunId = runId, ClusterId = clusterId, Pillar = pillar.Key(),
                Score = score.Score, Earned = score.Earned, Possible = score.Possible,
            };
        }

        yield return new PillarScoreRollup
        {
            RunId = runId, ClusterId = clusterId, Pillar = PillarScoreRollup.Overall, Score = scores.Overall,
            Earned = scores.Pillars.Values.Sum(p => p.Earned), Possible = scores.Pillars.Values.Sum(p => p.Possible),
        };
    }

    /// <summary>Rebuilds a cluster's scores from its rollup rows, so roll-ups over many clusters use the engine's own arithmetic.</summary>
    public static PillarScores ToScores(IEnumerable<PillarScoreRollup> rollups)
    {
        var rows = rollups.ToList();
        var pillars = PillarNames.All.ToDictionary(
            p => p,
            p => rows.FirstOrDefault(r => r.Pillar == p.Key()) is { } row ? new PillarScore(row.Score, row.Earned, row.Possible) : PillarScore.Empty);
        return new PillarScores(pillars, rows.FirstOrDefault(r => r.Pillar == PillarScoreRollup.Overall)?.Score);
    }

    private static List<Evidence> ReadEvidence(string json) =>
        JsonSerializer.Deserialize<List<Evidence>>(json, EvidenceJson) ?? [];
}
