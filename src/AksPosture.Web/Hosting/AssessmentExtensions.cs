using AksPosture.Engine.Collection;
using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Collection;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Retention;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Features.Scores;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AksPosture.Web.Hosting;

public static class AssessmentExtensions
{
    public static IHostApplicationBuilder AddAssessments(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AssessmentOptions>()
            .BindConfiguration(AssessmentOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AssessmentOptions>, AssessmentOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<AssessmentOptions>>().Value.ToSettings());
        builder.Services.AddOptions<RunOptions>()
            .BindConfiguration(RunOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<AssessmentService>();
        builder.Services.AddSingleton<RunService>();
        builder.Services.AddSingleton<RunJobHooks>();
        builder.AddLiveAzure();
        builder.Services.TryAddSingleton<IClusterSource, StoredClusterSource>();
        builder.Services.AddTransient<RunJobs>();
        builder.Services.AddTransient<RunWatchdogJob>();
        builder.Services.AddTransient<RetentionJob>();

        builder.Services.AddScoped<ScoreQueries>();
        builder.Services.AddSingleton<TrendQueries>();
        builder.Services.AddSingleton<AggregatedTrends>();
        builder.Services.AddSingleton<PageMemo>();
        builder.Services.AddScoped<FleetQueries>();
        builder.Services.AddScoped<ClusterQueries>();

        builder.Services.AddSingleton<FindingQueries>();
        builder.Services.AddSingleton<RunDiffQueries>();
        builder.Services.AddSingleton<CollectionStatusQueries>();
        return builder;
    }

    /// <summary>
    /// Section <c>Azure</c>: with a scope set, runs collect from live Azure (<see cref="AzureClusterSource"/>); without
    /// one, the portal never calls Azure and runs re-assess stored snapshots.
    /// </summary>
    private static void AddLiveAzure(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<AzureConnectionOptions>()
            .BindConfiguration(AzureConnectionOptions.SectionName)
            .PostConfigure(connection =>
            {
                // A sovereign cloud's tokens are for its own ARM endpoint: follow the endpoint unless a scope is given.
                if (configuration["Azure:ArmEndpoint"] is not null && configuration["Azure:TokenScope"] is null)
                {
                    connection.TokenScope = $"{connection.ArmEndpoint.GetLeftPart(UriPartial.Authority)}/.default";
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<LiveAzureOptions>()
            .BindConfiguration(LiveAzureOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LiveAzureOptions>, LiveAzureOptionsValidator>();
        if (LiveAzureOptions.IsConfiguredIn(configuration))
        {
            builder.Services.TryAddSingleton<TokenCredential>(sp => AzureCredentials.Create(sp.GetRequiredService<IOptions<AzureConnectionOptions>>().Value));
            builder.Services.TryAddSingleton<IClusterSource, AzureClusterSource>();
        }
    }

    public static IHostApplicationBuilder AddSchedules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScheduleSync>();
        builder.Services.AddSingleton<ScheduleService>();
        builder.Services.AddTransient<ScheduleJob>();
        return builder;
    }

    public static IHostApplicationBuilder AddSampleFleet(this IHostApplicationBuilder builder)
    {
        // Invented clusters beside live ones would mislead: with live Azure the sample is off unless asked for.
        var sampleByDefault = !LiveAzureOptions.IsConfiguredIn(builder.Configuration);
        builder.Services.AddOptions<SampleFleetOptions>()
            .Configure(o => o.Enabled = sampleByDefault)
            .BindConfiguration(SampleFleetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SampleFleetLoader>();
        builder.Services.AddTransient<SampleFleetJob>();
        return builder;
    }
}
