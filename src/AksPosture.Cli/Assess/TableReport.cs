using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Cli.Assess;

/// <summary>A human-readable summary: scores per cluster, then the findings (FAIL and WARN) worst first.</summary>
internal static class TableReport
{
    public static void Write(TextWriter writer, IReadOnlyList<ClusterAssessment> assessments, IReadOnlyList<SnapshotError> errors)
    {
        writer.WriteLine($"Rule set {RuleCatalog.Version}, scoring v{Engine.Scoring.ScoringModel.Version}, {assessments.Count} cluster(s)");
        writer.WriteLine();
        writer.WriteLine($"{"Cluster",-32} {"Overall",7} {"Rel",5} {"Sec",5} {"Cost",5} {"Ops",5} {"Perf",5}");
        foreach (var a in assessments)
        {
            var s = a.Scores;
            writer.WriteLine($"{Trim(a.Snapshot.Name, 32),-32} {Score(s.Overall),7} {Score(s[Pillar.Reliability]),5} {Score(s[Pillar.Security]),5} " +
                             $"{Score(s[Pillar.CostOptimization]),5} {Score(s[Pillar.OperationalExcellence]),5} {Score(s[Pillar.PerformanceEfficiency]),5}");
        }

        foreach (var a in assessments)
        {
            var findings = a.Results.Where(r => r.Status is RuleStatus.Fail or RuleStatus.Warn)
                .OrderBy(r => r.Status).ThenByDescending(r => r.Severity).ToList();
            writer.WriteLine();
            writer.WriteLine($"{a.Snapshot.Name}: {findings.Count} finding(s), {Count(a, RuleStatus.Pass)} passed, " +
                             $"{Count(a, RuleStatus.NotApplicable)} not applicable, {Count(a, RuleStatus.Manual)} manual, {Count(a, RuleStatus.Error)} error(s)");
            foreach (var r in findings.Concat(a.Results.Where(r => r.Status == RuleStatus.Error)))
            {
                writer.WriteLine($"  {r.Status.Code(),-5} {r.RuleId,-12} {r.Severity,-8} {r.Message}");
            }
        }

        foreach (var e in errors)
        {
            writer.WriteLine();
            writer.WriteLine($"ERROR {e.File}: {e.Message}");
        }
    }

    private static int Count(ClusterAssessment a, RuleStatus status) => a.Results.Count(r => r.Status == status);

    private static string Score(double? score) => score?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
