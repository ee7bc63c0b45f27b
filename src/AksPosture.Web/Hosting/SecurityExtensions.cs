using System.Globalization;
using System.Threading.RateLimiting;
using AksPosture.Web.Features.Access;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Hosting;

public static class SecurityExtensions
{
    /// <summary>Per-user rate limits on the API and a small default request size (imports allow more).</summary>
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.MaxRequestBodyBytes
                                                ?? new SecurityOptions().MaxRequestBodyBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ApiPartition);
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    /// <summary>Security headers on every response, written however the request ends.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var instance = app.Configuration[$"{AccessMode.EntraSectionName}:Instance"];
        var signInOrigin = !app.Services.GetRequiredService<AccessMode>().IsSample && Uri.TryCreate(instance, UriKind.Absolute, out var uri)
            ? " " + uri.GetLeftPart(UriPartial.Authority)
            : "";
        app.UseMiddleware<SecurityHeaders>(signInOrigin);
        return app;
    }

    // One window per signed-in user (or per address before sign-in) on /api; pages and assets are not limited here.
    private static RateLimitPartition<string> ApiPartition(HttpContext context)
    {
        if (!EntraSignIn.IsApi(context.Request))
        {
            return RateLimitPartition.GetNoLimiter("pages");
        }

        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<SecurityOptions>>().CurrentValue;
        var key = context.User.Identity?.IsAuthenticated == true
            ? "user:" + PortalUser.FromPrincipal(context.User).Id
            : "address:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.ApiPermitLimit,
            Window = options.ApiWindow,
            QueueLimit = 0,
        });
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"This user has used up its API requests for now (Security:ApiPermitLimit per Security:ApiWindow); try again in {seconds} s.")
            .ExecuteAsync(context);
    }
}
