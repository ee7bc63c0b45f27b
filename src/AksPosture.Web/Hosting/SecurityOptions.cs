using System.ComponentModel.DataAnnotations;

namespace AksPosture.Web.Hosting;

/// <summary>Limits on what a client may send: section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>API requests one user (or, before sign-in, one address) may make per <see cref="ApiWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int ApiPermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ApiWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest request body outside the imports API, which allows its own larger limit.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
