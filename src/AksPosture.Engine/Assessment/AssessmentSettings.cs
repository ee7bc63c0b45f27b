namespace AksPosture.Engine.Assessment;

/// <summary>
/// What the rules need to know about how an organisation labels its clusters. The defaults match common
/// tagging conventions; every value can be changed in configuration.
/// </summary>
public sealed record AssessmentSettings
{
    /// <summary>Tag keys read, in order, to decide a cluster's environment.</summary>
    public IReadOnlyList<string> EnvironmentTagKeys { get; init; } = ["environment", "env", "stage"];

    /// <summary>Tag values (case-insensitive) that mark a production cluster.</summary>
    public IReadOnlyList<string> ProductionValues { get; init; } = ["production", "prod", "prd", "live"];

    /// <summary>Tag values (case-insensitive) that mark a non-production cluster.</summary>
    public IReadOnlyList<string> NonProductionValues { get; init; } =
        ["development", "dev", "test", "testing", "qa", "staging", "stage", "uat", "sandbox", "nonprod", "non-production", "demo", "lab"];

    public static AssessmentSettings Default { get; } = new();
}
