using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Features.Assessments;

/// <summary>How runs are split and watched: section <c>Runs</c>.</summary>
public sealed class RunOptions
{
    public const string SectionName = "Runs";

    /// <summary>The most clusters one job assesses; a larger subscription is split into several jobs.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// A queued or running run that has made no progress for this long is failed, freeing its scope. Longer than
    /// Hangfire's retries of one job take (about half an hour for five attempts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Diagnostics only: hold each batch's transaction open this long once its rows are written, before it commits,
    /// so a recovery test (or an operator rehearsing one) can stop a worker or the database while a batch is half
    /// written. Zero, the default, adds nothing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DiagnosticBatchDelay { get; set; } = TimeSpan.Zero;
}
