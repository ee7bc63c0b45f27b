using AksPosture.Engine.Assessment;
using AksPosture.Engine.Rules;
using AksPosture.Engine.Scoring;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Cli.Assess;

/// <summary>The JSON document <c>assess --format json</c> prints; its shape is a public contract.</summary>
internal sealed record AssessmentReport(
    string RuleSetVersion,
    string ScoringVersion,
    IReadOnlyList<ClusterReport> Clusters,
    IReadOnlyList<ErrorReport> Errors)
{
    public static AssessmentReport From(IReadOnlyList<ClusterAssessment> assessments, IReadOnlyList<SnapshotError> errors) => new(
        RuleCatalog.Version,
        ScoringModel.Version,
        assessments.Select(ClusterReport.From).ToList(),
        errors.Select(e => new ErrorReport(e.File, e.Message)).ToList());
}

internal sealed record ClusterReport(
    string Id,
    string Name,
    string SubscriptionId,
    ScoresReport Scores,
    IReadOnlyList<ResultReport> Results)
{
    public static ClusterReport From(ClusterAssessment assessment) => new(
        assessment.Snapshot.Id,
        assessment.Snapshot.Name,
        assessment.Snapshot.SubscriptionId,
        ScoresReport.From(assessment.Scores),
        assessment.Results.Select(ResultReport.From).ToList());
}

internal sealed record ScoresReport(
    double? Reliability,
    double? Security,
    double? CostOptimization,
    double? OperationalExcellence,
    double? PerformanceEfficiency,
    double? Overall)
{
    public static ScoresReport From(PillarScores scores) => new(
        scores[Pillar.Reliability],
        scores[Pillar.Security],
        scores[Pillar.CostOptimization],
        scores[Pillar.OperationalExcellence],
        scores[Pillar.PerformanceEfficiency],
        scores.Overall);
}

internal sealed record ResultReport(
    string RuleId,
    string Pillar,
    string Severity,
    string Status,
    string Message,
    IReadOnlyList<EvidenceReport> Evidence)
{
    public static ResultReport From(RuleResult result) => new(
        result.RuleId,
        result.Pillar.Key(),
        result.Severity.ToString().ToLowerInvariant(),
        result.Status.Code(),
        result.Message,
        result.Evidence.Select(e => new EvidenceReport(e.Path, e.Value)).ToList());
}

internal sealed record EvidenceReport(string Path, string? Value);

internal sealed record ErrorReport(string File, string Message);
