using AksPosture.Engine.Scoring;

namespace AksPosture.Web.Features.Assessments;

/// <summary>What a run did: the run row and, per cluster, its scores or why it could not be assessed.</summary>
public sealed record AssessmentOutcome(AssessmentRun Run, IReadOnlyList<AssessedCluster> Clusters);

public sealed record AssessedCluster(Guid? ClusterId, string ArmId, string Name, string SubscriptionId, PillarScores? Scores, string? Error);
