using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Features.Retention;

/// <summary>How long raw results are kept: section <c>Retention</c>. Rollups and the finding lifecycle are kept for good.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days a run's raw results (per rule, with evidence) are kept; each cluster's latest results stay whatever their age.</summary>
    [Range(1, 3650)]
    public int ResultDays { get; set; } = 30;

    /// <summary>When the cleanup job runs (cron, UTC).</summary>
    [Required]
    public string CleanupCron { get; set; } = "30 3 * * *";
}
