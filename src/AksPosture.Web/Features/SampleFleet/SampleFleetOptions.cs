namespace AksPosture.Web.Features.SampleFleet;

public sealed class SampleFleetOptions
{
    public const string SectionName = "SampleFleet";

    /// <summary>
    /// Assess the invented sample fleet once when the database has no runs yet. On by default because, until
    /// Azure collection exists, the sample fleet is what the portal has to show.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
