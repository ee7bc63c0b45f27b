using AksPosture.Web.Features.Access;
using AksPosture.Web.Features.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Hosting;

public static class JobsExtensions
{
    public const string DashboardPath = "/ops/jobs";

    /// <summary>Hangfire on the portal's PostgreSQL database (schema <c>hangfire</c>), with workers unless <c>Jobs:Worker</c> is off.</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName)!;
        builder.Services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Storage and activator are this host's own, not Hangfire's process-wide defaults, so several portals in one
        // process (the integration tests) never run each other's jobs.
        builder.Services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = jobs.PrepareSchema,
                QueuePollInterval = jobs.PollInterval,
                // A job whose worker died (kill -9) is picked up again once its keep-alive stops, not after 30 minutes.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = jobs.InvisibilityTimeout,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        });
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new ResilientLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        if (builder.Configuration.GetValue($"{JobsOptions.SectionName}:{nameof(JobsOptions.Worker)}", true))
        {
            builder.Services.AddHangfireServer((sp, server) =>
            {
                var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                server.WorkerCount = jobs.WorkerCount;
                server.SchedulePollingInterval = jobs.PollInterval;
            });
        }

        builder.Services.AddHostedService<JobsStartup>();
        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard(
            DashboardPath,
            new DashboardOptions
            {
                Authorization = [new AdminDashboardFilter()],
                AppPath = "/runs",
                DashboardTitle = "AksPosture jobs",
            },
            app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(PortalPolicies.Administer);
        return app;
    }
}
