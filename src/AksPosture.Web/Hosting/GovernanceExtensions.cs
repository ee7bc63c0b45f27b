using AksPosture.Web.Features.Attestations;
using AksPosture.Web.Features.Exceptions;
using AksPosture.Web.Features.Governance;

namespace AksPosture.Web.Hosting;

public static class GovernanceExtensions
{
    /// <summary>Exceptions, attestations, the expiry job and the adjusted scores they feed.</summary>
    public static IHostApplicationBuilder AddGovernance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GovernanceOptions>()
            .BindConfiguration(GovernanceOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ExceptionService>();
        builder.Services.AddSingleton<ExceptionQueries>();
        builder.Services.AddSingleton<AttestationService>();
        builder.Services.AddSingleton<AttestationQueries>();
        builder.Services.AddSingleton<AdjustedScoreQueries>();
        builder.Services.AddSingleton<ClusterGovernanceQueries>();
        builder.Services.AddSingleton<ClusterLookup>();
        builder.Services.AddTransient<ExpiryJob>();
        return builder;
    }
}
