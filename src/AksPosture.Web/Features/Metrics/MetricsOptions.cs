using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Features.Metrics;

/// <summary>The <c>Metrics</c> settings of the <c>/metrics</c> endpoint.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Lets anyone who can reach the portal scrape <c>/metrics</c> without signing in — for a Prometheus inside the
    /// cluster, behind a network policy. Off by default: then only Admins (a bearer token with the Admin app role) may scrape.
    /// </summary>
    public bool AllowAnonymousScrape { get; set; }

    /// <summary>How often the figures behind <c>/metrics</c> are recomputed; a scrape never queries the database.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00", ErrorMessage = "Metrics:RefreshInterval must be between 5 seconds and 1 day, e.g. 00:05:00.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
