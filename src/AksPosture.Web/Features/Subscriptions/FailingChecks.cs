using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Web.Data;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Teams;

namespace AksPosture.Web.Features.Subscriptions;

/// <summary>A rule failing or warning on some of the selected clusters (cluster-level results of their latest runs).</summary>
public sealed record FailingRule(string RuleId, string CheckId, Pillar Pillar, IReadOnlyList<AffectedCluster> Clusters);

/// <summary>
/// What the gains of fixing each failing rule are computed from: the failing rules, the counted checks they belong to on
/// each cluster, and those clusters' current scores. Only checks that fail somewhere are read, not every result.
/// </summary>
internal sealed class FailingChecks
{
    private readonly Dictionary<(Guid Cluster, string Check), List<CountedCheck>> _checks = [];

    private FailingChecks(IReadOnlyList<FailingRule> rules, IReadOnlyDictionary<Guid, PillarScores> scores)
    {
        Rules = rules;
        Scores = scores;
    }

    public IReadOnlyList<FailingRule> Rules { get; }

    /// <summary>The current scores of each cluster a rule fails on.</summary>
    public IReadOnlyDictionary<Guid, PillarScores> Scores { get; }

    /// <summary>The check as counted in every pillar it appears in on the cluster: what passing it changes.</summary>
    public IReadOnlyList<CountedCheck> ChecksOf(Guid cluster, string checkId) => _checks.GetValueOrDefault((cluster, checkId)) ?? [];

    private const string Selected = """
        WITH sel AS (
            SELECT c.id, c.name, c.latest_run_id FROM clusters c
            WHERE c.gone_at IS NULL AND c.latest_run_id IS NOT NULL AND {selection}),
        failing AS (
            SELECT r.run_id, r.cluster_id, r.check_id FROM sel
            JOIN rule_results r ON r.run_id = sel.latest_run_id AND r.cluster_id = sel.id
            WHERE r.object_key = '' AND r.status IN ('FAIL', 'WARN'))
        """;

    public static async Task<FailingChecks> LoadAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var rows = new List<(Guid Cluster, string Name, string RuleId, string CheckId, Pillar Pillar, Severity Severity, RuleStatus Status)>();
        await using (var command = await SelectionCommand.CreateAsync(db, selection, Selected + """
            SELECT r.cluster_id, sel.name, r.rule_id, r.check_id, r.pillar, r.severity, r.status
            FROM sel JOIN rule_results r ON r.run_id = sel.latest_run_id AND r.cluster_id = sel.id
            WHERE r.object_key = '' AND r.status IN ('PASS', 'WARN', 'FAIL')
              AND EXISTS (SELECT 1 FROM failing f WHERE f.run_id = r.run_id AND f.cluster_id = r.cluster_id AND f.check_id = r.check_id)
            """, cancellationToken))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), PillarNames.FromKey(reader.GetString(4))!.Value,
                    Enum.Parse<Severity>(reader.GetString(5), ignoreCase: true), RuleStatusNames.FromCode(reader.GetString(6))!.Value));
            }
        }

        var rules = rows
            .Where(r => r.Status is RuleStatus.Fail or RuleStatus.Warn)
            .GroupBy(r => (r.RuleId, r.CheckId, r.Pillar))
            .Select(g => new FailingRule(g.Key.RuleId, g.Key.CheckId, g.Key.Pillar,
                g.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new AffectedCluster(r.Cluster, r.Name, r.Status)).ToList()))
            .ToList();
        var failing = new FailingChecks(rules, await ScoresAsync(db, selection, cancellationToken));
        foreach (var group in rows.GroupBy(r => (r.Cluster, r.CheckId)))
        {
            failing._checks[group.Key] = CountedCheck.From(group.Select(r => (r.Pillar, r.CheckId, r.Severity, r.Status))).ToList();
        }

        return failing;
    }

    /// <summary>For each failing rule, its result on the first affected cluster by name: what the evidence looks like.</summary>
    public static async Task<Dictionary<string, (RuleResult Result, string Cluster)>> ExamplesAsync(
        AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        await using var command = await SelectionCommand.CreateAsync(db, selection, Selected + """
            SELECT DISTINCT ON (r.rule_id) r.rule_id, sel.name, r.pillar, r.severity, r.status, r.message, r.evidence::text, r.check_id
            FROM sel JOIN rule_results r ON r.run_id = sel.latest_run_id AND r.cluster_id = sel.id
            WHERE r.object_key = '' AND r.status IN ('FAIL', 'WARN')
            ORDER BY r.rule_id, sel.name
            """, cancellationToken);
        var examples = new Dictionary<string, (RuleResult, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new RuleResultRecord
            {
                RuleId = reader.GetString(0), Pillar = PillarNames.FromKey(reader.GetString(2))!.Value,
                Severity = Enum.Parse<Severity>(reader.GetString(3), ignoreCase: true), Status = RuleStatusNames.FromCode(reader.GetString(4))!.Value,
                Message = reader.GetString(5), Evidence = reader.GetString(6), CheckId = reader.GetString(7),
            };
            examples[record.RuleId] = (ResultRecords.ToResult(record), reader.GetString(1));
        }

        return examples;
    }

    private static async Task<Dictionary<Guid, PillarScores>> ScoresAsync(AppDbContext db, ClusterSelection selection, CancellationToken cancellationToken)
    {
        var rollups = new List<PillarScoreRollup>();
        await using var command = await SelectionCommand.CreateAsync(db, selection, Selected + """
            SELECT p.cluster_id, p.pillar, p.score, p.earned, p.possible
            FROM sel JOIN pillar_score_rollups p ON p.run_id = sel.latest_run_id AND p.cluster_id = sel.id
            WHERE EXISTS (SELECT 1 FROM failing f WHERE f.cluster_id = sel.id)
            """, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rollups.Add(new PillarScoreRollup
            {
                ClusterId = reader.GetGuid(0), Pillar = reader.GetString(1), Score = reader.IsDBNull(2) ? null : reader.GetDouble(2),
                Earned = reader.GetDouble(3), Possible = reader.GetDouble(4),
            });
        }

        return rollups.GroupBy(r => r.ClusterId).ToDictionary(g => g.Key, g => ResultRecords.ToScores(g));
    }
}
