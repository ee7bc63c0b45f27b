namespace AksPosture.Web.Features.Governance;

/// <summary>
/// A cluster's exception- and attestation-adjusted score for one pillar (or <c>overall</c>), for the cluster's latest
/// run. Rows exist only for clusters where something applies; every other cluster's adjusted score is its raw score.
/// </summary>
public sealed class AdjustedScoreRollup
{
    public Guid ClusterId { get; set; }

    /// <summary>The pillar key or <c>overall</c>, as in the raw rollups.</summary>
    public required string Pillar { get; set; }

    /// <summary>The run whose results were adjusted; a row of an older run than the cluster's latest is stale.</summary>
    public Guid RunId { get; set; }

    public double? Score { get; set; }

    public double Earned { get; set; }

    public double Possible { get; set; }

    /// <summary>Scored results an exception changed.</summary>
    public int Excepted { get; set; }

    /// <summary>MANUAL results an attestation replaced.</summary>
    public int Attested { get; set; }

    /// <summary>The earliest expiry among what was applied: from then on the row is stale and is recomputed.</summary>
    public DateTimeOffset ValidUntil { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}
