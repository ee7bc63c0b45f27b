using AksPosture.Engine.Assessment;
using AksPosture.Engine.Snapshots;

namespace AksPosture.Web.Features.Assessments;

internal sealed record Evaluation(ClusterSnapshot Snapshot, ClusterAssessment? Assessment, string? Error);

internal static class ClusterEvaluator
{
    /// <summary>Runs the engine on one snapshot; a snapshot it cannot judge is reported, never allowed to sink the run.</summary>
    public static Evaluation Evaluate(ClusterSnapshot snapshot, AssessmentSettings settings, ILogger logger)
    {
        if (string.IsNullOrEmpty(snapshot.SubscriptionId))
        {
            return new Evaluation(snapshot, null, $"The id '{snapshot.Id}' names no subscription (/subscriptions/<id>/…).");
        }

        try
        {
            return new Evaluation(snapshot, ClusterAssessor.Assess(snapshot, settings), null);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not assess cluster {ArmId} ({Source})", snapshot.Id, snapshot.Source);
            return new Evaluation(snapshot, null, $"The engine could not assess this cluster: {ex.Message}");
        }
    }
}
