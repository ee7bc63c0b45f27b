using AksPosture.Web.Features.Assessments;
using AksPosture.Web.Features.Clusters;
using AksPosture.Web.Features.Fleet;
using AksPosture.Web.Features.SampleFleet;
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
        builder.Services.AddSingleton<AssessmentService>();
        builder.Services.AddScoped<ScoreQueries>();
        builder.Services.AddScoped<FleetQueries>();
        builder.Services.AddScoped<ClusterQueries>();
        return builder;
    }

    public static IHostApplicationBuilder AddSampleFleet(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SampleFleetOptions>()
            .BindConfiguration(SampleFleetOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SampleFleetLoader>();
        builder.Services.AddHostedService<SampleFleetSeeder>();
        return builder;
    }
}
