using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.Retention;
using AksPosture.Web.Features.SampleFleet;
using AksPosture.Web.Features.Schedules;
using AksPosture.Web.Features.Scores;
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
        builder.Services.TryAddSingleton<IClusterSource, StoredClusterSource>();
        builder.Services.AddTransient<RunJobs>();
        builder.Services.AddTransient<RunWatchdogJob>();
        builder.Services.AddTransient<RetentionJob>();

        builder.Services.AddScoped<ScoreQueries>();
        builder.Services.AddSingleton<TrendQueries>();
        builder.Services.AddScoped<FleetQueries>();
        builder.Services.AddScoped<ClusterQueries>();

        builder.Services.AddSingleton<FindingQueries>();
        builder.Services.AddSingleton<RunDiffQueries>();
        return builder;
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
        builder.Services.AddOptions<SampleFleetOptions>()
            .BindConfiguration(SampleFleetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SampleFleetLoader>();
        builder.Services.AddTransient<SampleFleetJob>();
        return builder;
    }
}
