using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Metrics;
using AksPosture.Web.Features.Scorecard;
using AksPosture.Web.Features.Subscriptions;
using AksPosture.Web.Features.Teams;
using OpenTelemetry.Metrics;

namespace AksPosture.Web.Hosting;

/// <summary>The overview's companions — subscription, scorecard and teams pages — and the <c>/metrics</c> endpoint.</summary>
public static class PortalPagesExtensions
{
    public static IHostApplicationBuilder AddPortalPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RunChangeQueries>();
        builder.Services.AddScoped<SubscriptionQueries>();
        builder.Services.AddScoped<ScorecardQueries>();
        builder.Services.AddSingleton<IFleetFilterChoices, FleetFilterChoiceQueries>();
        builder.Services.AddSingleton<ITeamDirectory, EfTeamDirectory>();
        return builder;
    }

    public static IHostApplicationBuilder AddPostureMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PostureMeter>();
        builder.Services.AddSingleton<PostureMetricsCollector>();
        builder.Services.AddSingleton<PostureMetricsRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostureMetricsRefresher>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PostureMeter.Name).AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus text format: Admins only, unless <c>Metrics:AllowAnonymousScrape</c> opens it. The figures
    /// are the whole fleet's, so they are not shown to Readers, whose view is limited to their teams.
    /// </summary>
    public static WebApplication MapPostureMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
        if (app.Configuration.GetValue<bool>($"{MetricsOptions.SectionName}:{nameof(MetricsOptions.AllowAnonymousScrape)}"))
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(PortalPolicies.Administer);
        }

        return app;
    }
}
