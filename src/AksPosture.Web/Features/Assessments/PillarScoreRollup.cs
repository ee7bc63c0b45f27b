namespace AksPosture.Web.Features.Assessments;

/// <summary>A cluster's score for one pillar (or <c>overall</c>) in one run; dashboards and trends read these.</summary>
public sealed class PillarScoreRollup
{
    public const string Overall = "overall";

    public Guid RunId { get; set; }

    public Guid ClusterId { get; set; }

    /// <summary>The pillar key (<c>reliability</c>, <c>costOptimization</c>, …) or <see cref="Overall"/>.</summary>
    public required string Pillar { get; set; }

    public double? Score { get; set; }

    public double Earned { get; set; }

    public double Possible { get; set; }
}
