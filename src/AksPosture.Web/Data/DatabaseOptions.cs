namespace AksPosture.Web.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending EF Core migrations at start-up. Off by default: in AKS a Job migrates before rollout.</summary>
    public bool MigrateOnStartup { get; set; }
}
