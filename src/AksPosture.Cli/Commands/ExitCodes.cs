namespace AksPosture.Cli.Commands;

/// <summary>Exit codes a pipeline can gate on.</summary>
internal static class ExitCodes
{
    public const int Done = 0;

    /// <summary>An input could not be read, or the command line was wrong.</summary>
    public const int UnreadableInput = 1;

    /// <summary>A cluster's overall score is below <c>--fail-under</c>.</summary>
    public const int BelowThreshold = 2;
}
