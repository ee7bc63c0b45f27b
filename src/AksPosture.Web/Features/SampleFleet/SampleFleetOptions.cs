namespace AksPosture.Web.Features.SampleFleet;

public sealed class SampleFleetOptions
{
    public const string SectionName = "SampleFleet";

    /// <summary>
    /// Assess the invented sample fleet once when the database has no runs yet. On by default when the portal does not
    /// read live Azure (no <c>Azure:Scope</c>), because the sample is then all it has to show; off by default otherwise.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
