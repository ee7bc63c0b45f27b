namespace AksPosture.Web.Features.Scores;

/// <summary>
/// The posture of the fleet or of one subscription right after a run finished: the current score of every cluster
/// that is not gone, rolled up per pillar. Written once per run; trends and the fleet overview read these.
/// </summary>
public sealed class ScopeScoreRollup
{
    public const string Fleet = "fleet";

    public Guid RunId { get; set; }

    /// <summary><c>fleet</c> or <c>subscription:{id}</c>.</summary>
    public required string Scope { get; set; }

    /// <summary>The pillar key or <c>overall</c>.</summary>
    public required string Pillar { get; set; }

    public double? Score { get; set; }

    public double Earned { get; set; }

    public double Possible { get; set; }

    public int Clusters { get; set; }

    /// <summary>When the run finished: the time a trend plots this value at.</summary>
    public DateTimeOffset AsOf { get; set; }

    /// <summary>Increases with every roll-up written; runs finish one at a time, so the highest is the latest even when clocks tie.</summary>
    public long Sequence { get; set; }

    public static string ForSubscription(string subscriptionId) => $"subscription:{subscriptionId}";
}
