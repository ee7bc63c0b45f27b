using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Features.Jobs;

/// <summary>Background work on Hangfire: section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a Hangfire server (workers) in this process. Every replica that does shares the queue.</summary>
    public bool Worker { get; set; } = true;

    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How soon a job whose worker died (kill -9, a lost host) is picked up again by another worker. A live worker
    /// keeps its jobs claimed every fifth of this, so a long job is never taken over while its worker runs.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Create or upgrade Hangfire's tables (schema <c>hangfire</c>) at start.</summary>
    public bool PrepareSchema { get; set; } = true;
}
