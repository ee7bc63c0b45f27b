using AksPosture.Web.Features.Findings;
using AksPosture.Web.Features.Remediation;

namespace AksPosture.Web.Hosting;

public static class RemediationExtensions
{
    /// <summary>The findings explorer's detail and the remediation workflow: changes, comments and progress reports.</summary>
    public static IHostApplicationBuilder AddRemediation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FindingDetailQueries>();
        builder.Services.AddSingleton<RemediationService>();
        builder.Services.AddSingleton<CommentService>();
        builder.Services.AddSingleton<BurnDownQueries>();
        builder.Services.AddSingleton<MttrQueries>();
        builder.Services.AddSingleton<RemediationSummaryQueries>();
        return builder;
    }
}
