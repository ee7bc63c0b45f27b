using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AksPosture.Web.Hosting;

/// <summary>Health as JSON: the overall status and, per check, why it is not healthy.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
            }),
        });
}
